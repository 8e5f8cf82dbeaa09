//! Snapshots of the full JSON of the articles in `tests/data/articles/`: a
//! changed snapshot is a change of the public output.

use vigie::Extractor;

#[test]
fn articles() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/articles");
    let mut paths: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    assert!(!paths.is_empty());
    for path in paths {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&path).unwrap();
        let doc = Extractor::new().extract(&text);
        let json: serde_json::Value = serde_json::from_str(&doc.to_json(Some(&name))).unwrap();
        insta::assert_json_snapshot!(name, json);
    }
}
