//! The notations "Export as code" writes formula inputs in: NumPy, PyTorch and plain
//! JavaScript (the TensorFlow.js script computes its inputs point by point). Each names
//! the variables `x1` and `x2`, which the scripts define; the PyTorch one calls the
//! `f_…` helpers its script defines, which take numbers as well as tensors (`sin(2)`
//! is a number, and `torch.sin` takes only tensors).

use super::{Function, Notation, Variable};

fn variable(variable: Variable) -> &'static str {
    variable.name()
}

fn numpy_function(function: Function) -> &'static str {
    match function {
        Function::Sin => "np.sin",
        Function::Cos => "np.cos",
        Function::Tan => "np.tan",
        Function::Exp => "np.exp",
        Function::Log => "np.log",
        Function::Sqrt => "np.sqrt",
        Function::Abs => "np.abs",
        Function::Tanh => "np.tanh",
        Function::Min => "np.minimum",
        Function::Max => "np.maximum",
    }
}

fn torch_function(function: Function) -> &'static str {
    match function {
        Function::Sin => "f_sin",
        Function::Cos => "f_cos",
        Function::Tan => "f_tan",
        Function::Exp => "f_exp",
        Function::Log => "f_log",
        Function::Sqrt => "f_sqrt",
        Function::Abs => "f_abs",
        Function::Tanh => "f_tanh",
        Function::Min => "f_min",
        Function::Max => "f_max",
    }
}

fn javascript_function(function: Function) -> &'static str {
    match function {
        Function::Sin => "Math.sin",
        Function::Cos => "Math.cos",
        Function::Tan => "Math.tan",
        Function::Exp => "Math.exp",
        Function::Log => "Math.log",
        Function::Sqrt => "Math.sqrt",
        Function::Abs => "Math.abs",
        Function::Tanh => "Math.tanh",
        Function::Min => "Math.min",
        Function::Max => "Math.max",
    }
}

/// NumPy, over arrays `x1` and `x2`.
pub const NUMPY: Notation = Notation {
    power: "**",
    function: numpy_function,
    variable,
};

/// PyTorch, over tensors `x1` and `x2`, through the script's `f_…` helpers.
pub const TORCH: Notation = Notation {
    power: "**",
    function: torch_function,
    variable,
};

/// JavaScript, over numbers `x1` and `x2`.
pub const JAVASCRIPT: Notation = Notation {
    power: "**",
    function: javascript_function,
    variable,
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::math::formula::Formula;

    #[test]
    fn each_notation_writes_its_own_names() {
        let formula = Formula::parse("-x1^2 + min(sin(3*x1), 2^-x2)").unwrap();
        assert_eq!(
            formula.write_with(&NUMPY),
            "-(x1**2) + np.minimum(np.sin(3 * x1), 2**-x2)"
        );
        assert_eq!(
            formula.write_with(&TORCH),
            "-(x1**2) + f_min(f_sin(3 * x1), 2**-x2)"
        );
        assert_eq!(
            formula.write_with(&JAVASCRIPT),
            "-(x1**2) + Math.min(Math.sin(3 * x1), 2**-x2)"
        );
    }
}
