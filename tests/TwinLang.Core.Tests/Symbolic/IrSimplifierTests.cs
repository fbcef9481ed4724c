using TwinLang.Lowering;
using TwinLang.Lowering.Symbolic;
using Xunit;
using static TwinLang.Symbolic.IrTestModel;

namespace TwinLang.Symbolic;

public sealed class IrSimplifierTests
{
    private static readonly IrTestModel Model = new();
    private static readonly IrVariable X = Ref(Model.Scalar("x", 0.7));
    private static readonly IrVariable Y = Ref(Model.Scalar("y", -1.3));

    private static IrExpression B(IrExpression l, IrBinaryOperator op, IrExpression r) => new IrBinary(l, op, r);

    private static IrExpression C(double value) => new IrConstant(value);

    private static IrExpression Neg(IrExpression e) => new IrUnary(IrUnaryOperator.Negate, e);

    public static TheoryData<string, string> Rules() => new()
    {
        { "(2 + 3) * x", "(5 * x)" },
        { "x + 0", "x" },
        { "0 + x", "x" },
        { "x - 0", "x" },
        { "0 - x", "-x" },
        { "x * 1", "x" },
        { "1 * x", "x" },
        { "x * 0", "0" },
        { "0 / x", "0" },
        { "x / 1", "x" },
        { "x / 4", "(0.25 * x)" },
        { "x / 3", "(x / 3)" },
        { "--x", "x" },
        { "x - -y", "(x + y)" },
        { "x + -y", "(x - y)" },
        { "x - x", "0" },
        { "x ^ 0", "1" },
        { "x ^ 1", "x" },
        { "(x ^ 2) ^ 3", "(x ^ 6)" },
        { "(x ^ 2) ^ 0.5", "((x ^ 2) ^ 0.5)" },
        { "2 * (3 * x)", "(6 * x)" },
        { "(x + 1) + 2", "(x + 3)" },
        { "x * x", "(x ^ 2)" },
        { "-x * -y", "(x * y)" },
        { "if 1 < 2 then x else y", "x" },
        { "if x < y then x else x", "x" },
        { "exp(0)", "1" },
        { "max(x, x)", "x" },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void Simplify_Rule_GivesExpectedForm(string input, string expected)
    {
        Assert.Equal(expected, IrPrinter.Expression(IrSimplifier.Simplify(Parse(input))));
    }

    [Fact]
    public void Simplify_RandomExpressions_KeepTheirValue()
    {
        var random = new Random(2024);
        for (var trial = 0; trial < 2000; trial++)
        {
            var expression = RandomExpression(random, depth: 4);
            var before = Model.Evaluate(expression);
            var after = Model.Evaluate(IrSimplifier.Simplify(expression));
            if (!double.IsFinite(before))
            {
                continue;
            }

            Assert.True(Math.Abs(before - after) <= 1e-12 * Math.Max(1, Math.Abs(before)), $"{IrPrinter.Expression(expression)}: {before} became {after} as {IrPrinter.Expression(IrSimplifier.Simplify(expression))}");
        }
    }

    [Fact]
    public void Simplify_SumOfLoopFreeBody_MultipliesByCount()
    {
        var loop = new IrLoop("i", 1, 10);
        Assert.Equal("(10 * x)", IrPrinter.Expression(IrSimplifier.Simplify(new IrReduction(IrReductionKind.Sum, loop, X))));
        var indexed = new IrReduction(IrReductionKind.Sum, loop, B(X, IrBinaryOperator.Multiply, new IrIndex(loop)));
        Assert.Equal(indexed, IrSimplifier.Simplify(indexed));
    }

    private static IrExpression RandomExpression(Random random, int depth)
    {
        if (depth == 0 || random.Next(4) == 0)
        {
            return random.Next(3) switch
            {
                0 => X,
                1 => Y,
                _ => C(new[] { 0, 1, -1, 2, 0.5, 3 }[random.Next(6)]),
            };
        }

        return random.Next(6) switch
        {
            0 => Neg(RandomExpression(random, depth - 1)),
            1 => new IrConditional(B(RandomExpression(random, depth - 1), IrBinaryOperator.Less, RandomExpression(random, depth - 1)), RandomExpression(random, depth - 1), RandomExpression(random, depth - 1)),
            2 => new IrCall(IrFunction.Sin, new IrExpressionList([RandomExpression(random, depth - 1)])),
            3 => B(RandomExpression(random, depth - 1), IrBinaryOperator.Power, C(new[] { 0, 1, 2, 3 }[random.Next(4)])),
            _ => B(RandomExpression(random, depth - 1), (IrBinaryOperator)random.Next(4), RandomExpression(random, depth - 1)),
        };
    }

    /// <summary>A tiny parser for the rule table: x, y, numbers, + - * / ^, unary minus, parentheses, if-then-else, calls.</summary>
    private static IrExpression Parse(string text)
    {
        var tokens = System.Text.RegularExpressions.Regex.Matches(text, @"\d+(\.\d+)?|[a-z]+|[-+*/^(),<]").Select(m => m.Value).ToList();
        var position = 0;
        string Peek() => position < tokens.Count ? tokens[position] : string.Empty;
        string Next() => tokens[position++];
        IrExpression Primary()
        {
            var token = Next();
            switch (token)
            {
                case "-":
                    return Neg(Primary());
                case "(":
                    var inner = Expression(0);
                    Next();
                    return inner;
                case "x":
                    return X;
                case "y":
                    return Y;
                case "if":
                    var condition = Expression(0);
                    Next();
                    var whenTrue = Expression(0);
                    Next();
                    return new IrConditional(condition, whenTrue, Expression(0));
                default:
                    if (char.IsAsciiDigit(token[0]))
                    {
                        return C(double.Parse(token, System.Globalization.CultureInfo.InvariantCulture));
                    }

                    Next();
                    var arguments = new List<IrExpression> { Expression(0) };
                    while (Next() == ",")
                    {
                        arguments.Add(Expression(0));
                    }

                    return new IrCall(Enum.Parse<IrFunction>(token, ignoreCase: true), new IrExpressionList([.. arguments]));
            }
        }

        IrExpression Expression(int minimum)
        {
            var left = Primary();
            while (true)
            {
                var (precedence, op) = Peek() switch
                {
                    "<" => (1, IrBinaryOperator.Less),
                    "+" => (2, IrBinaryOperator.Add),
                    "-" => (2, IrBinaryOperator.Subtract),
                    "*" => (3, IrBinaryOperator.Multiply),
                    "/" => (3, IrBinaryOperator.Divide),
                    "^" => (4, IrBinaryOperator.Power),
                    _ => (-1, IrBinaryOperator.Add),
                };
                if (precedence < minimum || precedence < 0)
                {
                    return left;
                }

                Next();
                left = B(left, op, Expression(precedence + 1));
            }
        }

        return Expression(0);
    }
}
