//! The parser: text → tokens (each with its 1-based column) → a tree of [`Node`]s by
//! recursive descent, one function per level of the grammar in the module's docs.

use super::{Function, Node, Operator, Variable, MAX_DEPTH, MAX_LENGTH};
use std::fmt;

/// A refused formula: where (the 1-based column, counted in characters) and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormulaError {
    /// The column of the character the problem is at; `None` for the whole formula
    /// (empty, too long).
    pub column: Option<usize>,
    /// What was found and what was expected.
    pub message: String,
}

impl fmt::Display for FormulaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.column {
            Some(column) => write!(f, "at column {column}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for FormulaError {}

fn error_at(column: usize, message: impl Into<String>) -> FormulaError {
    FormulaError {
        column: Some(column),
        message: message.into(),
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Kind {
    Number(f32),
    Name(String),
    Symbol(char),
    End,
}

#[derive(Clone, Debug)]
struct Token {
    kind: Kind,
    column: usize,
    /// The text as written, for messages.
    text: String,
}

impl Token {
    /// The token as a message names it.
    fn described(&self) -> String {
        match &self.kind {
            Kind::Number(_) => format!("the number {}", self.text),
            Kind::Name(name) => format!("'{name}'"),
            Kind::Symbol(symbol) => format!("'{symbol}'"),
            Kind::End => "the end of the formula".to_string(),
        }
    }
}

/// Parses `text` into a tree (see the grammar in the module's docs).
pub(super) fn parse(text: &str) -> Result<Node, FormulaError> {
    let length = text.chars().count();
    if length > MAX_LENGTH {
        return Err(FormulaError {
            column: None,
            message: format!("the formula has {length} characters; the most is {MAX_LENGTH}"),
        });
    }
    if text.trim().is_empty() {
        return Err(FormulaError {
            column: None,
            message: "the formula is empty: write one over x1 and x2, such as sin(3*x1)"
                .to_string(),
        });
    }
    let mut parser = Parser {
        tokens: tokens(text)?,
        position: 0,
        depth: 0,
    };
    let root = parser.sum()?;
    let next = parser.peek();
    match next.kind {
        Kind::End => Ok(root),
        Kind::Symbol(')') => Err(error_at(
            next.column,
            "found ')' with no '(' before it to close",
        )),
        _ => Err(error_at(
            next.column,
            format!("expected an operator, found {}", next.described()),
        )),
    }
}

/// The tokens of `text`, ending with `End`.
fn tokens(text: &str) -> Result<Vec<Token>, FormulaError> {
    let characters: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    let mut index = 0;
    while index < characters.len() {
        let c = characters[index];
        let column = index + 1;
        let start = index;
        if c.is_whitespace() {
            index += 1;
            continue;
        }
        let kind = if c.is_ascii_digit() || c == '.' {
            index = number_end(&characters, index, column)?;
            let written: String = characters[start..index].iter().collect();
            Kind::Number(number_value(&written, column)?)
        } else if c.is_ascii_alphabetic() {
            while index < characters.len()
                && (characters[index].is_ascii_alphanumeric() || characters[index] == '_')
            {
                index += 1;
            }
            Kind::Name(characters[start..index].iter().collect())
        } else if "+-*/^(),".contains(c) {
            index += 1;
            Kind::Symbol(c)
        } else {
            return Err(error_at(column, format!("unexpected character '{c}'")));
        };
        tokens.push(Token {
            kind,
            column,
            text: characters[start..index].iter().collect(),
        });
    }
    tokens.push(Token {
        kind: Kind::End,
        column: characters.len() + 1,
        text: String::new(),
    });
    Ok(tokens)
}

/// Where the number starting at `index` ends: digits, an optional fraction, an
/// optional exponent.
fn number_end(characters: &[char], mut index: usize, column: usize) -> Result<usize, FormulaError> {
    let digits = |index: &mut usize| {
        let start = *index;
        while *index < characters.len() && characters[*index].is_ascii_digit() {
            *index += 1;
        }
        *index - start
    };
    let mut count = digits(&mut index);
    if characters.get(index) == Some(&'.') {
        index += 1;
        count += digits(&mut index);
    }
    if count == 0 {
        return Err(error_at(
            column,
            "a '.' must be part of a number, such as 0.5",
        ));
    }
    if matches!(characters.get(index), Some('e' | 'E')) {
        let mut after = index + 1;
        if matches!(characters.get(after), Some('+' | '-')) {
            after += 1;
        }
        if digits(&mut after) == 0 {
            return Err(error_at(
                column,
                "a number's exponent needs digits, as in 1e-3",
            ));
        }
        index = after;
    }
    Ok(index)
}

/// The f32 value of a number as written; refused when it is not finite in f32.
fn number_value(written: &str, column: usize) -> Result<f32, FormulaError> {
    let value = written
        .parse::<f64>()
        .map_err(|_| error_at(column, format!("{written} is not a number")))?;
    let single = value as f32;
    if !single.is_finite() {
        return Err(error_at(
            column,
            format!(
                "the number {written} is too large (the largest is about {:e})",
                f32::MAX
            ),
        ));
    }
    Ok(single)
}

struct Parser {
    tokens: Vec<Token>,
    position: usize,
    depth: usize,
}

impl Parser {
    fn peek(&self) -> &Token {
        &self.tokens[self.position]
    }

    fn next(&mut self) -> Token {
        let token = self.tokens[self.position].clone();
        if token.kind != Kind::End {
            self.position += 1;
        }
        token
    }

    fn at_symbol(&self, symbol: char) -> bool {
        self.peek().kind == Kind::Symbol(symbol)
    }

    /// sum = product (("+" | "-") product)*
    fn sum(&mut self) -> Result<Node, FormulaError> {
        self.chain(
            Self::product,
            [('+', Operator::Add), ('-', Operator::Subtract)],
        )
    }

    /// product = unary (("*" | "/") unary)*
    fn product(&mut self) -> Result<Node, FormulaError> {
        self.chain(
            Self::unary,
            [('*', Operator::Multiply), ('/', Operator::Divide)],
        )
    }

    /// operand ((one of `operators`) operand)*, grouped from the left.
    fn chain(
        &mut self,
        operand: fn(&mut Self) -> Result<Node, FormulaError>,
        operators: [(char, Operator); 2],
    ) -> Result<Node, FormulaError> {
        let mut left = operand(self)?;
        loop {
            let Some(&(_, operator)) = operators.iter().find(|(symbol, _)| self.at_symbol(*symbol))
            else {
                return Ok(left);
            };
            self.next();
            let right = operand(self)?;
            left = Node::Binary(operator, Box::new(left), Box::new(right));
        }
    }

    /// unary = ("-" | "+") unary | power; every nesting passes here, so the depth is
    /// counted here (the formula itself passes once, at depth 1: nesting level 0).
    fn unary(&mut self) -> Result<Node, FormulaError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH + 1 {
            return Err(error_at(
                self.peek().column,
                format!("the formula nests deeper than {MAX_DEPTH} levels"),
            ));
        }
        let node = if self.at_symbol('-') {
            self.next();
            Node::Negate(Box::new(self.unary()?))
        } else if self.at_symbol('+') {
            self.next();
            self.unary()?
        } else {
            self.power()?
        };
        self.depth -= 1;
        Ok(node)
    }

    /// power = primary ("^" unary)?
    fn power(&mut self) -> Result<Node, FormulaError> {
        let base = self.primary()?;
        if !self.at_symbol('^') {
            return Ok(base);
        }
        self.next();
        let exponent = self.unary()?;
        Ok(Node::Binary(
            Operator::Power,
            Box::new(base),
            Box::new(exponent),
        ))
    }

    /// primary = number | variable | function "(" arguments ")" | "(" sum ")"
    fn primary(&mut self) -> Result<Node, FormulaError> {
        let token = self.next();
        match &token.kind {
            Kind::Number(value) => Ok(Node::Number(*value)),
            Kind::Name(name) => self.named(name, token.column),
            Kind::Symbol('(') => {
                let inside = self.sum()?;
                self.close(token.column)?;
                Ok(inside)
            }
            _ => Err(error_at(
                token.column,
                format!(
                    "expected a number, x1, x2, a function or '(', found {}",
                    token.described()
                ),
            )),
        }
    }

    /// A variable, or a call of a function, named `name` at `column`.
    fn named(&mut self, name: &str, column: usize) -> Result<Node, FormulaError> {
        let calls = self.at_symbol('(');
        match (name, calls) {
            ("x1", false) => return Ok(Node::Variable(Variable::X1)),
            ("x2", false) => return Ok(Node::Variable(Variable::X2)),
            _ => {}
        }
        let Some(function) = Function::named(name) else {
            let names: Vec<&str> = Function::ALL.iter().map(|f| f.name()).collect();
            return Err(error_at(
                column,
                if calls {
                    format!(
                        "unknown function '{name}' (the functions are {})",
                        names.join(", ")
                    )
                } else {
                    format!("unknown variable '{name}' (use x1 and x2)")
                },
            ));
        };
        if !calls {
            return Err(error_at(
                self.peek().column,
                format!(
                    "expected '(' after the function {name}, found {}",
                    self.peek().described()
                ),
            ));
        }
        let open = self.next().column;
        let mut arguments = vec![self.sum()?];
        while self.at_symbol(',') {
            self.next();
            arguments.push(self.sum()?);
        }
        self.close(open)?;
        let wanted = function.arity();
        if arguments.len() != wanted {
            let plural = |count: usize| if count == 1 { "" } else { "s" };
            return Err(error_at(
                column,
                format!(
                    "{name} takes {wanted} argument{}, got {}",
                    plural(wanted),
                    arguments.len()
                ),
            ));
        }
        Ok(Node::Call(function, arguments))
    }

    /// Reads the ')' that closes the '(' at column `open`.
    fn close(&mut self, open: usize) -> Result<(), FormulaError> {
        if self.at_symbol(')') {
            self.next();
            return Ok(());
        }
        let found = self.peek();
        Err(error_at(
            found.column,
            format!(
                "expected ')' to close the '(' at column {open}, found {}",
                found.described()
            ),
        ))
    }
}
