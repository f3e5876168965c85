//! The parser, the evaluator and the writer, checked against values worked by hand.

use super::*;

fn value(text: &str, x1: f32, x2: f32) -> f32 {
    Formula::parse(text).unwrap().value(x1, x2)
}

fn error(text: &str) -> String {
    Formula::parse(text).unwrap_err().to_string()
}

fn canonical(text: &str) -> String {
    Formula::parse(text).unwrap().to_string()
}

#[test]
fn precedence_and_associativity() {
    assert_eq!(value("1 + 2 * 3", 0.0, 0.0), 7.0);
    assert_eq!(value("(1 + 2) * 3", 0.0, 0.0), 9.0);
    assert_eq!(value("8 / 4 / 2", 0.0, 0.0), 1.0, "left-associative");
    assert_eq!(value("8 - 4 - 2", 0.0, 0.0), 2.0, "left-associative");
    assert_eq!(
        value("2 ^ 3 ^ 2", 0.0, 0.0),
        512.0,
        "right-associative: 2^9"
    );
    assert_eq!(value("2 * 3 ^ 2", 0.0, 0.0), 18.0);
    assert_eq!(value("x1 * x2 + x1", 3.0, 4.0), 15.0);
}

#[test]
fn unary_minus_binds_below_power() {
    assert_eq!(value("-x1^2", 3.0, 0.0), -9.0, "−(x1²), as in mathematics");
    assert_eq!(value("(-x1)^2", 3.0, 0.0), 9.0);
    assert_eq!(value("2^-1", 0.0, 0.0), 0.5);
    assert_eq!(value("--x1", 3.0, 0.0), 3.0);
    assert_eq!(value("+x1 - -x2", 3.0, 4.0), 7.0);
    assert_eq!(value("-2 * x1", 3.0, 0.0), -6.0);
}

#[test]
fn functions() {
    let (x1, x2) = (0.7f32, -1.3f32);
    let cases: [(&str, f32); 10] = [
        ("sin(3*x1)", (3.0 * x1).sin()),
        ("cos(x2)", x2.cos()),
        ("tan(x1)", x1.tan()),
        ("exp(x2)", x2.exp()),
        ("log(x1)", x1.ln()),
        ("sqrt(x1)", x1.sqrt()),
        ("abs(x2)", 1.3),
        ("tanh(x1 - x2)", (x1 - x2).tanh()),
        ("min(x1, x2)", x2),
        ("max(x1, x2)", x1),
    ];
    for (text, expected) in cases {
        assert_eq!(value(text, x1, x2), expected, "{text}");
    }
    assert_eq!(value("x1^2 + x2^2", 3.0, 4.0), 25.0);
    assert_eq!(value("1.5e1 + .5", 0.0, 0.0), 15.5);
}

#[test]
fn errors_name_the_column_and_what_was_found() {
    assert_eq!(
        error("sinn(x1)"),
        "at column 1: unknown function 'sinn' (the functions are sin, cos, tan, exp, log, \
         sqrt, abs, tanh, min, max)"
    );
    assert_eq!(
        error("x1 + x3"),
        "at column 6: unknown variable 'x3' (use x1 and x2)"
    );
    assert_eq!(
        error("(x1 + 2"),
        "at column 8: expected ')' to close the '(' at column 1, found the end of the formula"
    );
    assert_eq!(
        error("sin(x1 x2)"),
        "at column 8: expected ')' to close the '(' at column 4, found 'x2'"
    );
    assert_eq!(
        error("x1 +"),
        "at column 5: expected a number, x1, x2, a function or '(', found the end of the formula"
    );
    assert_eq!(
        error("2 x1"),
        "at column 3: expected an operator, found 'x1'"
    );
    assert_eq!(
        error("x1)"),
        "at column 3: found ')' with no '(' before it to close"
    );
    assert_eq!(error("x1 $ 2"), "at column 4: unexpected character '$'");
    assert_eq!(
        error("min(x1)"),
        "at column 1: min takes 2 arguments, got 1"
    );
    assert_eq!(
        error("sin(x1, x2)"),
        "at column 1: sin takes 1 argument, got 2"
    );
    assert_eq!(
        error("sin + 1"),
        "at column 5: expected '(' after the function sin, found '+'"
    );
    assert_eq!(
        error("x1 * 1e39"),
        "at column 6: the number 1e39 is too large (the largest is about 3.4028235e38)"
    );
    assert_eq!(
        error("1e+"),
        "at column 1: a number's exponent needs digits, as in 1e-3"
    );
    assert_eq!(
        error(". + 1"),
        "at column 1: a '.' must be part of a number, such as 0.5"
    );
    assert_eq!(
        error("  "),
        "the formula is empty: write one over x1 and x2, such as sin(3*x1)"
    );
    // Columns count characters, not bytes.
    assert_eq!(error("x1 + é"), "at column 6: unexpected character 'é'");
}

#[test]
fn limits_of_length_and_depth() {
    let long = format!("x1{}", " + x1".repeat(50));
    assert_eq!(
        error(&long),
        format!("the formula has {} characters; the most is 200", long.len())
    );
    let fine = format!("x1{}", "+x1".repeat(60));
    assert_eq!(value(&fine, 1.0, 0.0), 61.0, "a long flat sum is not deep");
    let deep = format!(
        "{}x1{}",
        "(".repeat(MAX_DEPTH + 1),
        ")".repeat(MAX_DEPTH + 1)
    );
    assert_eq!(
        error(&deep),
        "at column 34: the formula nests deeper than 32 levels"
    );
    let allowed = format!("{}x1{}", "(".repeat(MAX_DEPTH), ")".repeat(MAX_DEPTH));
    assert_eq!(value(&allowed, 2.0, 0.0), 2.0);
    assert!(error(&"-".repeat(150)).contains("deeper than 32"));
    assert_eq!(
        value(&format!("{}x1", "-".repeat(MAX_DEPTH)), 2.0, 0.0),
        2.0
    );
    assert!(error(&"2^".repeat(60)).contains("deeper than 32"));
}

#[test]
fn canonical_form_reads_back_as_the_same_tree() {
    let cases = [
        ("x1*x2", "x1 * x2"),
        ("sin(3*x1)", "sin(3 * x1)"),
        ("x1^2+x2^2", "x1^2 + x2^2"),
        ("tanh(x1-x2)", "tanh(x1 - x2)"),
        ("-x1^2", "-(x1^2)"),
        ("(-x1)^2", "(-x1)^2"),
        ("x1-(x2-1)", "x1 - (x2 - 1)"),
        ("(x1-x2)-1", "x1 - x2 - 1"),
        ("2^3^2", "2^3^2"),
        ("(2^3)^2", "(2^3)^2"),
        ("2^-x1", "2^-x1"),
        ("--x1", "-(-x1)"),
        ("x1 - -x2", "x1 - -x2"),
        ("max( x1 , 0.50 )", "max(x1, 0.5)"),
        ("0.0000001*x1", "1e-7 * x1"),
        ("-(x1*x2)", "-(x1 * x2)"),
        ("+x1", "x1"),
    ];
    for (text, expected) in cases {
        let formula = Formula::parse(text).unwrap();
        assert_eq!(canonical(text), expected, "{text}");
        assert_eq!(Formula::parse(expected).unwrap(), formula, "{text}");
    }
}

#[test]
fn a_notation_renames_functions_variables_and_the_power() {
    fn javascript(function: Function) -> &'static str {
        match function {
            Function::Sin => "Math.sin",
            Function::Max => "Math.max",
            _ => "Math.other",
        }
    }
    let notation = Notation {
        power: "**",
        function: javascript,
        variable: |variable| match variable {
            Variable::X1 => "x[0]",
            Variable::X2 => "x[1]",
        },
    };
    let formula = Formula::parse("-sin(x1)^2 + max(x2, 0)").unwrap();
    assert_eq!(
        formula.write_with(&notation),
        "-(Math.sin(x[0])**2) + Math.max(x[1], 0)"
    );
    // The tree is public, for writers of their own.
    match formula.root() {
        Node::Binary(Operator::Add, left, _) => {
            assert!(matches!(**left, Node::Negate(_)));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn values_that_are_not_finite_count_as_zero_and_are_refused_on_the_lattice() {
    let log = Formula::parse("log(x1)").unwrap();
    assert_eq!(log.value(-1.0, 0.0), 0.0, "NaN counts as 0");
    assert_eq!(log.value(0.0, 0.0), 0.0, "−∞ counts as 0");
    assert_eq!(log.value(1.0, 0.0), 0.0);
    assert_eq!(
        log.check_finite().unwrap_err(),
        "log(x1) is not a number at (x1, x2) = (-6, 6): the formula must be finite \
         everywhere on [-6, 6]² (try abs(...) or adding a constant inside log, sqrt or a \
         division)"
    );
    let inverse = Formula::parse("1/x2").unwrap();
    assert!(inverse
        .check_finite()
        .unwrap_err()
        .starts_with("1 / x2 is infinite at (x1, x2) = (-6, 0)"));
    assert!(Formula::parse("exp(x1^3)").unwrap().check_finite().is_err());
    for fine in [
        "log(abs(x1) + 1)",
        "sqrt(x1^2 + x2^2)",
        "1/(x1^2 + 1)",
        "exp(x1)",
    ] {
        Formula::parse(fine).unwrap().check_finite().unwrap();
    }
    let mut out = [9.0; 3];
    log.values(&[[1.0, 0.0], [-1.0, 0.0], [1.0, 5.0]], &mut out);
    assert_eq!(out, [0.0, 0.0, 0.0]);
    let mut out = [9.0; 2];
    Formula::parse("x1 * x2")
        .unwrap()
        .values(&[[2.0, 3.0], [-1.0, 0.5]], &mut out);
    assert_eq!(out, [6.0, -0.5]);
}
