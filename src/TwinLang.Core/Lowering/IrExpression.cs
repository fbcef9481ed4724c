namespace TwinLang.Lowering;

/// <summary>
/// An expression of the equation IR: real arithmetic in SI over variable blocks, loop indices and constants.
/// Nodes are immutable; structural equality (records) lets the solver and the emitter find repeated subtrees.
/// </summary>
public abstract record IrExpression
{
    /// <summary>True when the expression is a condition (comparison, logic) rather than a number.</summary>
    public virtual bool IsBoolean => false;
}

/// <summary>A number in SI.</summary>
public sealed record IrConstant(double Value) : IrExpression
{
    /// <summary>Zero.</summary>
    public static readonly IrConstant Zero = new(0);

    /// <summary>One.</summary>
    public static readonly IrConstant One = new(1);
}

/// <summary>A Boolean constant.</summary>
public sealed record IrBoolean(bool Value) : IrExpression
{
    /// <inheritdoc />
    public override bool IsBoolean => true;
}

/// <summary>Simulation time in seconds.</summary>
public sealed record IrTime : IrExpression
{
    /// <summary>The one instance.</summary>
    public static readonly IrTime Instance = new();
}

/// <summary>The current value of a loop index (1-based, as in the source).</summary>
public sealed record IrIndex(IrLoop Loop) : IrExpression;

/// <summary>
/// An element of a variable block; <see cref="Indices"/> has one 1-based integer expression per dimension of the
/// block (none for a scalar). <see cref="IsDerivative"/> reads the time derivative of a state block.
/// </summary>
public sealed record IrVariable(IrBlock Block, IrIndexList Indices, bool IsDerivative = false) : IrExpression;

/// <summary>Unary operators of the IR.</summary>
public enum IrUnaryOperator
{
    /// <summary>Arithmetic negation.</summary>
    Negate,

    /// <summary>Logical not.</summary>
    Not,
}

/// <summary>A unary operation.</summary>
public sealed record IrUnary(IrUnaryOperator Operator, IrExpression Operand) : IrExpression
{
    /// <inheritdoc />
    public override bool IsBoolean => Operator == IrUnaryOperator.Not;
}

/// <summary>Binary operators of the IR.</summary>
public enum IrBinaryOperator
{
    /// <summary>Addition.</summary>
    Add,

    /// <summary>Subtraction.</summary>
    Subtract,

    /// <summary>Multiplication.</summary>
    Multiply,

    /// <summary>Division.</summary>
    Divide,

    /// <summary>Power.</summary>
    Power,

    /// <summary>Less than.</summary>
    Less,

    /// <summary>Less than or equal.</summary>
    LessOrEqual,

    /// <summary>Greater than.</summary>
    Greater,

    /// <summary>Greater than or equal.</summary>
    GreaterOrEqual,

    /// <summary>Equal.</summary>
    Equal,

    /// <summary>Not equal.</summary>
    NotEqual,

    /// <summary>Logical and.</summary>
    And,

    /// <summary>Logical or.</summary>
    Or,
}

/// <summary>A binary operation.</summary>
public sealed record IrBinary(IrExpression Left, IrBinaryOperator Operator, IrExpression Right) : IrExpression
{
    /// <inheritdoc />
    public override bool IsBoolean => Operator >= IrBinaryOperator.Less;
}

/// <summary><c>if c then a else b</c>.</summary>
public sealed record IrConditional(IrExpression Condition, IrExpression WhenTrue, IrExpression WhenFalse) : IrExpression
{
    /// <inheritdoc />
    public override bool IsBoolean => WhenTrue.IsBoolean;
}

/// <summary>Elementary functions the generated code maps onto <c>System.Math</c>.</summary>
public enum IrFunction
{
    /// <summary>e^x.</summary>
    Exp,

    /// <summary>Natural logarithm.</summary>
    Log,

    /// <summary>Base-10 logarithm.</summary>
    Log10,

    /// <summary>Sine.</summary>
    Sin,

    /// <summary>Cosine.</summary>
    Cos,

    /// <summary>Tangent.</summary>
    Tan,

    /// <summary>Arc sine.</summary>
    Asin,

    /// <summary>Arc cosine.</summary>
    Acos,

    /// <summary>Arc tangent.</summary>
    Atan,

    /// <summary>Hyperbolic sine.</summary>
    Sinh,

    /// <summary>Hyperbolic cosine.</summary>
    Cosh,

    /// <summary>Hyperbolic tangent.</summary>
    Tanh,

    /// <summary>Absolute value.</summary>
    Abs,

    /// <summary>Round down.</summary>
    Floor,

    /// <summary>Round up.</summary>
    Ceiling,

    /// <summary>Sign (-1, 0, 1).</summary>
    Sign,

    /// <summary>Square root.</summary>
    Sqrt,

    /// <summary>Two-argument arc tangent.</summary>
    Atan2,

    /// <summary>Smaller of two.</summary>
    Min,

    /// <summary>Larger of two.</summary>
    Max,
}

/// <summary>A call of an elementary function.</summary>
public sealed record IrCall(IrFunction Function, IrExpressionList Arguments) : IrExpression;

/// <summary>Reductions over a loop.</summary>
public enum IrReductionKind
{
    /// <summary>Sum.</summary>
    Sum,

    /// <summary>Arithmetic mean.</summary>
    Mean,

    /// <summary>Minimum.</summary>
    Min,

    /// <summary>Maximum.</summary>
    Max,

    /// <summary>Product.</summary>
    Product,
}

/// <summary><c>sum(body for i in start..end)</c>: evaluated as a loop in the generated code.</summary>
public sealed record IrReduction(IrReductionKind Kind, IrLoop Loop, IrExpression Body) : IrExpression;

/// <summary>A one-dimensional lookup table evaluated at <see cref="Argument"/>.</summary>
public sealed record IrTableLookup(IrTable Table, IrExpression Argument) : IrExpression;
