//! Writing a formula's tree back as text: greymatter's canonical form, or the names of
//! another language (for code that computes the same feature).

use super::{Function, Node, Operator, Variable};

/// How a formula is written: the power operator and the names of the functions and
/// variables. Parentheses are placed the same way in every notation, where the
/// grammar needs them, and also around a power or a sign under a sign (`-(x1^2)`,
/// `-(-x1)`), which JavaScript requires and every reader finds clearer.
///
/// ```
/// use greymatter::math::formula::{Formula, Function, Notation, Variable};
/// fn python(function: Function) -> &'static str {
///     match function {
///         Function::Sin => "np.sin",
///         Function::Min => "np.minimum",
///         _ => "np.other",
///     }
/// }
/// let notation = Notation {
///     power: "**",
///     function: python,
///     variable: |variable| if variable == Variable::X1 { "x[:, 0]" } else { "x[:, 1]" },
/// };
/// let formula = Formula::parse("sin(3*x1)^2 + min(x1, x2)").unwrap();
/// assert_eq!(formula.write_with(&notation), "np.sin(3 * x[:, 0])**2 + np.minimum(x[:, 0], x[:, 1])");
/// assert_eq!(formula.to_string(), "sin(3 * x1)^2 + min(x1, x2)");
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Notation {
    /// The power operator, written without spaces: `^`, or `**` for Python and
    /// JavaScript.
    pub power: &'static str,
    /// The name of each function (`sin`, `Math.sin`, `np.sin`).
    pub function: fn(Function) -> &'static str,
    /// The name of each variable (`x1`, `x[0]`).
    pub variable: fn(Variable) -> &'static str,
}

impl Notation {
    /// greymatter's own: `^`, the function and variable names a formula uses.
    pub const CANONICAL: Notation = Notation {
        power: "^",
        function: Function::name,
        variable: Variable::name,
    };
}

/// How tightly a written node binds: 1 sums, 2 products, 3 signs (and negative
/// numbers), 4 powers, 5 numbers, variables and calls.
fn binding(node: &Node) -> u8 {
    match node {
        Node::Binary(operator, ..) => operator.precedence(),
        Node::Negate(_) => 3,
        Node::Number(value) if value.is_sign_negative() => 3,
        Node::Number(_) | Node::Variable(_) | Node::Call(..) => 5,
    }
}

/// `node` written in `notation`.
pub(super) fn write(node: &Node, notation: &Notation) -> String {
    let mut out = String::new();
    write_node(node, notation, &mut out);
    out
}

/// Writes `node`, in parentheses when it binds less tightly than `least`.
fn write_operand(node: &Node, least: u8, notation: &Notation, out: &mut String) {
    if binding(node) < least {
        out.push('(');
        write_node(node, notation, out);
        out.push(')');
    } else {
        write_node(node, notation, out);
    }
}

fn write_node(node: &Node, notation: &Notation, out: &mut String) {
    match node {
        Node::Number(value) => out.push_str(&number(*value)),
        Node::Variable(variable) => out.push_str((notation.variable)(*variable)),
        Node::Negate(operand) => {
            out.push('-');
            write_operand(operand, 5, notation, out);
        }
        Node::Binary(Operator::Power, base, exponent) => {
            write_operand(base, 5, notation, out);
            out.push_str(notation.power);
            // The exponent may be a sign or a power (2^-x1, 2^3^2).
            write_operand(exponent, 3, notation, out);
        }
        Node::Binary(operator, left, right) => {
            let precedence = operator.precedence();
            write_operand(left, precedence, notation, out);
            out.push(' ');
            out.push_str(operator.symbol());
            out.push(' ');
            // Left-associative: a - (b - c) keeps its parentheses.
            write_operand(right, precedence + 1, notation, out);
        }
        Node::Call(function, arguments) => {
            out.push_str((notation.function)(*function));
            out.push('(');
            for (index, argument) in arguments.iter().enumerate() {
                if index > 0 {
                    out.push_str(", ");
                }
                write_node(argument, notation, out);
            }
            out.push(')');
        }
    }
}

/// A number as JavaScript writes it: the fewest digits that read back as the same f32,
/// with an exponent below 1e-6 and from 1e21 (0.5, 3, 1000, 1e-7, 1e30).
fn number(value: f32) -> String {
    let size = value.abs();
    if size != 0.0 && !(1e-6..1e21).contains(&size) {
        format!("{value:e}")
    } else {
        format!("{value}")
    }
}
