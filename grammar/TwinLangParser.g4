// Parser of the TwinLang language (docs/language.md). See docs/grammar.md for the organisation,
// the precedence table and the unit-literal adjacency rule. Labels (`# Name`) and element names
// exist for CstToAstBuilder; the grammar is kept LL-friendly so SLL prediction nearly always succeeds.
parser grammar TwinLangParser;

options {
    tokenVocab = TwinLangLexer;
    superClass = TwinLangParserBase;
}

// ---------------------------------------------------------------------------------------------
// File structure

compilationUnit
    : SEMI* packageDeclaration? (importDeclaration | SEMI)* (declaration | SEMI)* EOF
    ;

packageDeclaration
    : PACKAGE qualifiedName (VERSION STRING)?
    ;

importDeclaration
    : IMPORT qualifiedName (DOT STAR)? (AS IDENT)?
    ;

qualifiedName
    : IDENT (DOT IDENT)*
    ;

annotation
    : AT IDENT ((LPAREN | CALL_LPAREN) argumentList? RPAREN)?
    ;

declaration
    : annotation* declarationBody
    ;

declarationBody
    : quantityDeclaration
    | unitDeclaration
    | enumDeclaration
    | functionDeclaration
    | tableDeclaration
    | surrogateDeclaration
    | connectorDeclaration
    | assetDeclaration
    | assimilationDeclaration
    | scenarioDeclaration
    ;

// ---------------------------------------------------------------------------------------------
// Quantities, units, enumerations

quantityDeclaration
    : QUANTITY IDENT ASSIGN unit STRING?
    ;

// `unit h = 3600 s`, `unit Wh = W*h`, `unit percent = 0.01`, `unit Hz = 1/s`, `unit degC = K offset 273.15`.
unitDeclaration
    : UNIT IDENT ASSIGN unitValue (OFFSET signedNumber)? STRING?
    ;

unitValue
    : number ({this.UnitFollows()}? unit)?
    | unit
    ;

signedNumber
    : UNARY_MINUS? number
    ;

number
    : INT
    | FLOAT
    ;

enumDeclaration
    : ENUM IDENT LBRACE (enumMember (COMMA enumMember)* COMMA?)? RBRACE
    ;

enumMember
    : IDENT
    ;

// ---------------------------------------------------------------------------------------------
// Functions, tables, surrogates

functionDeclaration
    : FUNCTION IDENT (LPAREN | CALL_LPAREN) parameterList? RPAREN COLON type functionBody
    ;

functionBody
    : ASSIGN expression                                               # ExpressionFunctionBody
    | LBRACE (letStatement | SEMI)* RETURN expression SEMI* RBRACE     # BlockFunctionBody
    ;

letStatement
    : LET IDENT ASSIGN expression
    ;

parameterList
    : parameter (COMMA parameter)*
    ;

parameter
    : IDENT COLON type
    ;

tableDeclaration
    : TABLE IDENT (LPAREN | CALL_LPAREN) parameterList? RPAREN COLON type (WITH setting (COMMA setting)*)? tableBody?
    ;

tableBody
    : LBRACE (tableRow (COMMA | SEMI)?)* RBRACE     # InlineTableBody
    | FROM STRING                                  # FileTableBody
    ;

tableRow
    : expression (COMMA expression)* ARROW expression
    ;

surrogateDeclaration
    : SURROGATE IDENT (LPAREN | CALL_LPAREN) parameterList? RPAREN COLON type ASSIGN expression (FROM STRING)?
    ;

// ---------------------------------------------------------------------------------------------
// Connectors and assets

connectorDeclaration
    : CONNECTOR IDENT LBRACE (variableDeclaration | SEMI)* RBRACE
    ;

assetDeclaration
    : ASSET IDENT (EXTENDS type)? LBRACE (member | SEMI)* RBRACE
    ;

member
    : variableDeclaration
    | componentDeclaration
    | equationSection
    | whenSection
    | sampledSection
    | couplingDeclaration
    ;

variableDeclaration
    : annotation* variableKind IDENT COLON type (ASSIGN expression)? STRING?
    ;

variableKind
    : PARAMETER
    | CONSTANT
    | INPUT
    | OUTPUT
    | STATE
    | VARIABLE
    | DISCRETE
    | POTENTIAL
    | FLOW
    ;

componentDeclaration
    : annotation* (COMPONENT | PORT) IDENT COLON type STRING?
    ;

// `Real`, `Real[3, n]`, `Temperature(unit = degC, min = 0 K)`, `Cell[n](capacity = 3 A*h)`.
type
    : qualifiedName (LBRACK expression (COMMA expression)* RBRACK)? ((LPAREN | CALL_LPAREN) modifier (COMMA modifier)* RPAREN)?
    ;

modifier
    : UNIT ASSIGN unit          # UnitModifier
    | IDENT ASSIGN expression   # ValueModifier
    ;

// ---------------------------------------------------------------------------------------------
// Equations and discrete behaviour

equationSection
    : INITIAL? EQUATION LBRACE (equation | SEMI)* RBRACE
    ;

equation
    : FOR iteratorList LBRACE (equation | SEMI)* RBRACE                              # ForEquation
    | CONNECT LPAREN expression COMMA expression RPAREN forSuffix?                  # ConnectEquation
    | expression ASSIGN expression forSuffix?                                       # SimpleEquation
    ;

forSuffix
    : FOR iteratorList
    ;

iteratorList
    : iterator (COMMA iterator)*
    ;

iterator
    : IDENT (IN expression)?
    ;

whenSection
    : WHEN expression LBRACE (statement | SEMI)* RBRACE
    ;

sampledSection
    : SAMPLED EVERY expression (OFFSET expression)? LBRACE (statement | SEMI)* RBRACE
    ;

statement
    : REINIT LPAREN expression COMMA expression RPAREN    # ReinitStatement
    | TERMINATE STRING?                                   # TerminateStatement
    | expression COLON_ASSIGN expression                  # AssignmentStatement
    ;

// ---------------------------------------------------------------------------------------------
// Couplings

couplingDeclaration
    : COUPLING IDENT BETWEEN couplingEnd AND couplingEnd LBRACE (couplingItem | SEMI)* RBRACE
    ;

// A plain reference, not an expression: `cells (step 1 s)` must not read as a call of `cells`.
couplingEnd
    : reference ((LPAREN | CALL_LPAREN) STEP expression RPAREN)?
    ;

reference
    : IDENT (DOT IDENT | LBRACK indexList RBRACK)*
    ;

couplingItem
    : (UP | DOWN) expression ASSIGN expression forSuffix?     # CouplingTransfer
    | CONSERVE expression (TOLERANCE expression)?             # CouplingConserve
    | setting                                                 # CouplingSetting
    ;

setting
    : IDENT ASSIGN expression
    ;

// ---------------------------------------------------------------------------------------------
// Assimilation

assimilationDeclaration
    : ASSIMILATION IDENT FOR qualifiedName LBRACE (assimilationItem | SEMI)* RBRACE
    ;

assimilationItem
    : OBSERVE IDENT TILDE expression (FROM STRING)? (COLUMN STRING)? (EVERY expression)?   # Observe
    | ESTIMATE expression (PRIOR expression)?                                               # Estimate
    | FILTER expression                                                                     # Filter
    | REJECT WHEN expression                                                                # Reject
    | REPORT IDENT (COMMA IDENT)*                                                           # Report
    ;

// ---------------------------------------------------------------------------------------------
// Scenarios

scenarioDeclaration
    : SCENARIO IDENT FOR qualifiedName LBRACE (scenarioItem | SEMI)* RBRACE
    ;

scenarioItem
    : TIME expression                                                                   # ScenarioTime
    | SOLVER expression                                                                 # ScenarioSolver
    | INPUT expression ASSIGN expression                                                # ScenarioInput
    | SET expression ASSIGN expression                                                  # ScenarioSet
    | OUTPUT (EVERY expression)? expression (COMMA expression)*                         # ScenarioOutput
    | SWEEP expression IN expression                                                    # ScenarioSweep
    | ENSEMBLE expression (SEED expression)? LBRACE (distributionAssignment | SEMI)* RBRACE   # ScenarioEnsemble
    | setting                                                                           # ScenarioSetting
    ;

distributionAssignment
    : expression TILDE expression
    ;

// ---------------------------------------------------------------------------------------------
// Expressions, loosest last (ANTLR gives earlier alternatives higher precedence).

expression
    : primary                                                           # PrimaryExpression
    | expression DOT IDENT                                              # MemberAccessExpression
    | expression LBRACK indexList RBRACK                                # IndexExpression
    | <assoc = right> expression CARET expression                       # PowerExpression
    | op = (UNARY_MINUS | UNARY_PLUS) expression                        # UnaryExpression
    | expression op = (STAR | SLASH) expression                         # MultiplicativeExpression
    | expression op = (PLUS | MINUS) expression                         # AdditiveExpression
    | expression op = (LT | LE | GT | GE | EQ | NE) expression          # ComparisonExpression
    | NOT expression                                                    # NotExpression
    | expression AND expression                                         # AndExpression
    | expression OR expression                                          # OrExpression
    | expression DOTDOT expression                                      # RangeExpression
    | IF expression THEN expression elseIfClause* ELSE expression       # ConditionalExpression
    ;

elseIfClause
    : ELSEIF expression THEN expression
    ;

primary
    : numberLiteral                                     # NumberPrimary
    | STRING                                            # StringPrimary
    | (TRUE | FALSE)                                    # BooleanPrimary
    | callee CALL_LPAREN callBody? RPAREN               # CallPrimary
    | (IDENT | TIME)                                    # NamePrimary
    | LPAREN expression RPAREN                          # ParenthesizedPrimary
    | LBRACK (expression (COMMA expression)*)? RBRACK   # ArrayPrimary
    ;

// A few keywords name built-in functions: `der(x)`, `step(at = 1 s)`, `filter ensemble(members = 64)`.
callee
    : (IDENT | DER | STEP | ENSEMBLE) (DOT IDENT)*
    ;

// Either arguments, or one expression followed by iterators: a reduction `sum(x[i] for i in 1..n)`.
callBody
    : argument (forSuffix | (COMMA argument)*)
    ;

argumentList
    : argument (COMMA argument)*
    ;

argument
    : (argumentName ASSIGN)? expression
    ;

// Named arguments may be keywords: `step(from = 0 A)`, `csv("f.csv", column = "T", unit = degC)`.
argumentName
    : IDENT
    | keyword
    ;

indexList
    : index (COMMA index)*
    ;

index
    : STAR          # WildcardIndex
    | expression    # ExpressionIndex
    ;

// ---------------------------------------------------------------------------------------------
// Literals and units. A unit follows its number on the same line, and the operators inside a unit
// touch their operands (TwinLangParserBase.UnitFollows / Touching), so `3 K/W * q` is (3 K/W) * q.

numberLiteral
    : number ({this.UnitFollows()}? unit)?
    ;

unit
    : unitFactor ({this.Touching()}? op = (STAR | SLASH) unitFactor)*
    ;

unitFactor
    : unitPrimary ({this.Touching()}? CARET exponent = signedInt)?
    ;

signedInt
    : UNARY_MINUS? INT
    ;

unitPrimary
    : IDENT                 # UnitName
    | INT                   # UnitNumber
    | LPAREN unit RPAREN    # UnitParenthesized
    ;

keyword
    : PACKAGE | VERSION | IMPORT | AS | QUANTITY | UNIT | OFFSET | ENUM | FUNCTION | LET | RETURN
    | TABLE | WITH | FROM | SURROGATE | CONNECTOR | ASSET | EXTENDS | PARAMETER | CONSTANT | INPUT
    | OUTPUT | STATE | VARIABLE | DISCRETE | POTENTIAL | FLOW | COMPONENT | PORT | EQUATION | INITIAL
    | WHEN | REINIT | TERMINATE | SAMPLED | EVERY | COUPLING | BETWEEN | AND | STEP | UP | DOWN
    | CONSERVE | TOLERANCE | ASSIMILATION | FOR | OBSERVE | COLUMN | ESTIMATE | PRIOR | FILTER
    | REJECT | REPORT | SCENARIO | TIME | SOLVER | SET | SWEEP | IN | ENSEMBLE | SEED | IF | THEN
    | ELSEIF | ELSE | TRUE | FALSE | NOT | OR | DER | CONNECT
    ;
