// Lexer of the TwinLang language (docs/language.md). See docs/grammar.md for how the grammar is
// organised and regenerated. Whitespace is skipped; comments stay as tokens on the hidden channel so
// editors and the formatter get them from SyntaxTree.Tokens and doc comments can be attached.
lexer grammar TwinLangLexer;

// A '+' or '-' with no operand before it (at the start, after an operator, an opening bracket, a
// comma or a keyword) is retyped to one of these by TwinParser's token scan, so the grammar tells a
// sign from a binary operator without lookahead: `x = a` followed by `-b = c` on the next line reads
// as the binary `a - b`, and `+` after an operand can never start a new equation.
//
// Likewise a '(' on the same line right after a name (or `der`, `step`, `ensemble`) becomes
// CALL_LPAREN: `f(x)` is a call, while `x = a` followed by `(b) = c` on the next line is two equations.
tokens {
    UNARY_MINUS,
    UNARY_PLUS,
    CALL_LPAREN
}

// Keywords (reserved). Keep in step with the keyword list in docs/language.md and with the
// parser rule `keyword`.
PACKAGE      : 'package';
VERSION      : 'version';
IMPORT       : 'import';
AS           : 'as';
QUANTITY     : 'quantity';
UNIT         : 'unit';
OFFSET       : 'offset';
ENUM         : 'enum';
FUNCTION     : 'function';
LET          : 'let';
RETURN       : 'return';
TABLE        : 'table';
WITH         : 'with';
FROM         : 'from';
SURROGATE    : 'surrogate';
CONNECTOR    : 'connector';
ASSET        : 'asset';
EXTENDS      : 'extends';
PARAMETER    : 'parameter';
CONSTANT     : 'constant';
INPUT        : 'input';
OUTPUT       : 'output';
STATE        : 'state';
VARIABLE     : 'variable';
DISCRETE     : 'discrete';
POTENTIAL    : 'potential';
FLOW         : 'flow';
COMPONENT    : 'component';
PORT         : 'port';
EQUATION     : 'equation';
INITIAL      : 'initial';
WHEN         : 'when';
REINIT       : 'reinit';
TERMINATE    : 'terminate';
SAMPLED      : 'sampled';
EVERY        : 'every';
COUPLING     : 'coupling';
BETWEEN      : 'between';
AND          : 'and';
STEP         : 'step';
UP           : 'up';
DOWN         : 'down';
CONSERVE     : 'conserve';
TOLERANCE    : 'tolerance';
ASSIMILATION : 'assimilation';
FOR          : 'for';
OBSERVE      : 'observe';
COLUMN       : 'column';
ESTIMATE     : 'estimate';
PRIOR        : 'prior';
FILTER       : 'filter';
REJECT       : 'reject';
REPORT       : 'report';
SCENARIO     : 'scenario';
TIME         : 'time';
SOLVER       : 'solver';
SET          : 'set';
SWEEP        : 'sweep';
IN           : 'in';
ENSEMBLE     : 'ensemble';
SEED         : 'seed';
IF           : 'if';
THEN         : 'then';
ELSEIF       : 'elseif';
ELSE         : 'else';
TRUE         : 'true';
FALSE        : 'false';
NOT          : 'not';
OR           : 'or';
DER          : 'der';
CONNECT      : 'connect';

// Operators and punctuation. Multi-character operators first only for readability: ANTLR takes
// the longest match anyway, which is what makes `1..n` lex as INT '..' IDENT.
COLON_ASSIGN : ':=';
EQ           : '==';
NE           : '!=';
LE           : '<=';
GE           : '>=';
ARROW        : '->';
DOTDOT       : '..';
ASSIGN       : '=';
LT           : '<';
GT           : '>';
PLUS         : '+';
MINUS        : '-';
STAR         : '*';
SLASH        : '/';
CARET        : '^';
TILDE        : '~';
AT           : '@';
DOT          : '.';
COMMA        : ',';
COLON        : ':';
SEMI         : ';';
LPAREN       : '(';
RPAREN       : ')';
LBRACK       : '[';
RBRACK       : ']';
LBRACE       : '{';
RBRACE       : '}';

// A float needs digits after its point, so `1..n` is INT DOTDOT IDENT.
FLOAT        : DIGITS '.' DIGITS EXPONENT? | DIGITS EXPONENT;
INT          : DIGITS;
IDENT        : [\p{L}_] [\p{L}\p{Nd}_]*;
STRING       : '"' (~["\\\r\n] | '\\' ~[\r\n])* '"';

// Doc comments are exactly three slashes; four or more make an ordinary comment (as in C#).
DOC_COMMENT  : '///' (~[/\r\n] ~[\r\n]* )? -> channel(HIDDEN);
LINE_COMMENT : '//' ~[\r\n]* -> channel(HIDDEN);
BLOCK_COMMENT: '/*' .*? '*/' -> channel(HIDDEN);
WS           : [ \t\r\n\f\u000B\uFEFF]+ -> skip;

// Error tokens. Each cannot contain its own terminator, so when the terminator is present the
// well-formed rule above matches a longer text and wins. TwinParser turns them into diagnostics.
UNTERMINATED_STRING        : '"' (~["\\\r\n] | '\\' ~[\r\n]?)*;
UNTERMINATED_BLOCK_COMMENT : '/*' (~'*' | '*'+ ~[*/])* '*'* EOF -> channel(HIDDEN);
ERROR_CHAR                 : . -> channel(HIDDEN);

fragment DIGITS   : [0-9]+;
fragment EXPONENT : [eE] [+-]? DIGITS;
