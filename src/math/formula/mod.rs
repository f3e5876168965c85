//! Formulas over x1 and x2 (`sin(3*x1)`, `x1^2 + x2^2`, `tanh(x1 - x2)`): the custom
//! input features and the formula dataset.
//!
//! A formula is parsed once ([`Formula::parse`], a hand-written recursive-descent
//! parser in `parse`), kept as a small tree of [`Node`]s, evaluated in f32
//! ([`Formula::value`], [`Formula::values`]) and written back in a canonical form
//! (`Display`), or with the names another language uses ([`Formula::write_with`]).
//! Nothing is ever handed to a JavaScript `eval`.
//!
//! # Grammar
//! ```text
//! formula  = sum
//! sum      = product (("+" | "-") product)*        left-associative
//! product  = unary (("*" | "/") unary)*            left-associative
//! unary    = ("-" | "+") unary | power
//! power    = primary ("^" unary)?                  right-associative: 2^3^2 = 2^9
//! primary  = number | "x1" | "x2"
//!          | function "(" sum ("," sum)* ")" | "(" sum ")"
//! number   = digits ["." digits] [("e" | "E") ["+" | "-"] digits]   (or ".5")
//! ```
//! `-x1^2` is −(x1²), as in mathematics and Python. The functions are sin, cos, tan,
//! exp, log (natural), sqrt, abs, tanh (one argument each) and min, max (two).
//!
//! # Limits
//! At most [`MAX_LENGTH`] characters and [`MAX_DEPTH`] levels of nesting (parentheses,
//! calls, signs and powers), so hostile text cannot exhaust the stack; a number must be
//! finite in single precision (`1e39` is refused).
//!
//! # Values that are not numbers
//! A formula can be NaN or infinite at a point (`log(x1)` at x1 ≤ 0, `1/x1` at 0). The
//! rule, applied by [`Formula::check_finite`] and [`Formula::value`]:
//! - a formula is refused when it is not finite at some point of the check lattice,
//!   the 25 × 25 points of [−6, 6]² a step of 0.5 apart (0 and the edges included),
//!   with a message naming the point;
//! - anywhere else (between those points) a value that is still not finite counts as 0,
//!   so one point can never poison training.

pub mod notations;
mod parse;
mod write;

pub use parse::FormulaError;
pub use write::Notation;

/// The most characters a formula may have.
pub const MAX_LENGTH: usize = 200;
/// The deepest nesting of parentheses, calls, signs and powers.
pub const MAX_DEPTH: usize = 32;

/// One of the two coordinates of a point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Variable {
    /// The first coordinate.
    X1,
    /// The second coordinate.
    X2,
}

impl Variable {
    /// The name a formula uses: `x1` or `x2`.
    pub fn name(self) -> &'static str {
        match self {
            Variable::X1 => "x1",
            Variable::X2 => "x2",
        }
    }
}

/// An operator between two operands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operator {
    /// a + b.
    Add,
    /// a − b.
    Subtract,
    /// a · b.
    Multiply,
    /// a / b.
    Divide,
    /// a ^ b, a to the power b.
    Power,
}

impl Operator {
    /// The symbol a formula uses.
    pub fn symbol(self) -> &'static str {
        match self {
            Operator::Add => "+",
            Operator::Subtract => "-",
            Operator::Multiply => "*",
            Operator::Divide => "/",
            Operator::Power => "^",
        }
    }

    /// How tightly it binds: 1 for + −, 2 for * /, 4 for ^ (3 is the sign).
    pub fn precedence(self) -> u8 {
        match self {
            Operator::Add | Operator::Subtract => 1,
            Operator::Multiply | Operator::Divide => 2,
            Operator::Power => 4,
        }
    }

    /// The result for operands `a` and `b`.
    pub fn apply(self, a: f32, b: f32) -> f32 {
        match self {
            Operator::Add => a + b,
            Operator::Subtract => a - b,
            Operator::Multiply => a * b,
            Operator::Divide => a / b,
            Operator::Power => a.powf(b),
        }
    }
}

/// A function a formula may call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Function {
    /// sin x.
    Sin,
    /// cos x.
    Cos,
    /// tan x.
    Tan,
    /// eˣ.
    Exp,
    /// The natural logarithm ln x.
    Log,
    /// √x.
    Sqrt,
    /// |x|.
    Abs,
    /// tanh x.
    Tanh,
    /// The smaller of two.
    Min,
    /// The larger of two.
    Max,
}

impl Function {
    /// Every function, in the order the docs list them.
    pub const ALL: [Function; 10] = [
        Function::Sin,
        Function::Cos,
        Function::Tan,
        Function::Exp,
        Function::Log,
        Function::Sqrt,
        Function::Abs,
        Function::Tanh,
        Function::Min,
        Function::Max,
    ];

    /// The name a formula uses.
    pub fn name(self) -> &'static str {
        match self {
            Function::Sin => "sin",
            Function::Cos => "cos",
            Function::Tan => "tan",
            Function::Exp => "exp",
            Function::Log => "log",
            Function::Sqrt => "sqrt",
            Function::Abs => "abs",
            Function::Tanh => "tanh",
            Function::Min => "min",
            Function::Max => "max",
        }
    }

    /// The function called `name`.
    pub fn named(name: &str) -> Option<Function> {
        Function::ALL.into_iter().find(|f| f.name() == name)
    }

    /// How many arguments it takes.
    pub fn arity(self) -> usize {
        match self {
            Function::Min | Function::Max => 2,
            _ => 1,
        }
    }

    /// The result for `arguments` (as many as [`Function::arity`]).
    pub fn apply(self, arguments: &[f32]) -> f32 {
        let x = arguments[0];
        match self {
            Function::Sin => x.sin(),
            Function::Cos => x.cos(),
            Function::Tan => x.tan(),
            Function::Exp => x.exp(),
            Function::Log => x.ln(),
            Function::Sqrt => x.sqrt(),
            Function::Abs => x.abs(),
            Function::Tanh => x.tanh(),
            Function::Min => x.min(arguments[1]),
            Function::Max => x.max(arguments[1]),
        }
    }
}

/// A node of a formula's tree: what another module walks to turn a formula into code.
#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    /// A finite constant (never negative when parsed: −2 is `Negate(Number(2))`).
    Number(f32),
    /// x1 or x2.
    Variable(Variable),
    /// −a.
    Negate(Box<Node>),
    /// a ∘ b.
    Binary(Operator, Box<Node>, Box<Node>),
    /// f(a) or f(a, b), with as many arguments as the function's arity.
    Call(Function, Vec<Node>),
}

impl Node {
    /// The value at (x1, x2), NaN and infinities as they come.
    pub fn raw_value(&self, x1: f32, x2: f32) -> f32 {
        match self {
            Node::Number(value) => *value,
            Node::Variable(Variable::X1) => x1,
            Node::Variable(Variable::X2) => x2,
            Node::Negate(operand) => -operand.raw_value(x1, x2),
            Node::Binary(operator, a, b) => {
                operator.apply(a.raw_value(x1, x2), b.raw_value(x1, x2))
            }
            Node::Call(function, arguments) => {
                let mut values = [0.0; 2];
                for (value, argument) in values.iter_mut().zip(arguments) {
                    *value = argument.raw_value(x1, x2);
                }
                function.apply(&values[..arguments.len()])
            }
        }
    }
}

/// A parsed formula over x1 and x2.
#[derive(Clone, Debug, PartialEq)]
pub struct Formula {
    root: Node,
}

/// The spacing of the check lattice (see the module's rule on values).
const LATTICE_STEP: f32 = 0.5;
/// The half-width of the check lattice: points lie in [−6, 6]².
const LATTICE_EXTENT: f32 = 6.0;

impl Formula {
    /// Parses `text`; the error names the 1-based column and what was found or expected.
    pub fn parse(text: &str) -> Result<Formula, FormulaError> {
        parse::parse(text).map(|root| Formula { root })
    }

    /// The formula's tree, to walk.
    pub fn root(&self) -> &Node {
        &self.root
    }

    /// The value at (x1, x2); 0 where the formula is not a finite number.
    pub fn value(&self, x1: f32, x2: f32) -> f32 {
        let value = self.root.raw_value(x1, x2);
        if value.is_finite() {
            value
        } else {
            0.0
        }
    }

    /// The value at each of `points` into `out` (as long as `points`), by
    /// [`Formula::value`]'s rule.
    pub fn values(&self, points: &[[f32; 2]], out: &mut [f32]) {
        for (value, &[x1, x2]) in out.iter_mut().zip(points) {
            *value = self.value(x1, x2);
        }
    }

    /// Checks that the formula is finite at every point of the check lattice; the
    /// error names the first point where it is not.
    pub fn check_finite(&self) -> Result<(), String> {
        let steps = (2.0 * LATTICE_EXTENT / LATTICE_STEP) as usize;
        for row in 0..=steps {
            for column in 0..=steps {
                let x1 = -LATTICE_EXTENT + column as f32 * LATTICE_STEP;
                let x2 = LATTICE_EXTENT - row as f32 * LATTICE_STEP;
                let value = self.root.raw_value(x1, x2);
                if !value.is_finite() {
                    let what = if value.is_nan() {
                        "not a number"
                    } else {
                        "infinite"
                    };
                    return Err(format!(
                        "{self} is {what} at (x1, x2) = ({x1}, {x2}): the formula must be \
                         finite everywhere on [-6, 6]² (try abs(...) or adding a constant \
                         inside log, sqrt or a division)"
                    ));
                }
            }
        }
        Ok(())
    }

    /// The formula written with another language's names: see [`Notation`].
    pub fn write_with(&self, notation: &Notation) -> String {
        write::write(&self.root, notation)
    }
}

impl std::fmt::Display for Formula {
    /// The canonical form: one space around + − * / and none around ^, parentheses
    /// only where needed, numbers in their shortest form: `sin(3 * x1)`, `x1^2 + x2^2`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.write_with(&Notation::CANONICAL))
    }
}

#[cfg(test)]
mod tests;
