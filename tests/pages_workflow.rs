//! The GitHub Pages workflow is valid YAML, uses GitHub's official Pages actions, and builds
//! with the same command the README tells users to run.

use std::fs;
use std::path::Path;

use yaml_serde::Value;

fn read(path: &str) -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

fn workflow() -> Value {
    yaml_serde::from_str(&read(".github/workflows/pages.yml")).expect("the workflow is valid YAML")
}

fn steps(workflow: &Value, job: &str) -> Vec<Value> {
    workflow["jobs"][job]["steps"]
        .as_sequence()
        .unwrap_or_else(|| panic!("job {job} has steps"))
        .clone()
}

fn uses(steps: &[Value]) -> Vec<String> {
    steps
        .iter()
        .filter_map(|step| step["uses"].as_str())
        .map(|u| u.split('@').next().unwrap().to_owned())
        .collect()
}

#[test]
fn deploys_with_the_official_pages_actions() {
    let workflow = workflow();
    let build = uses(&steps(&workflow, "build"));
    assert!(
        build.contains(&"actions/configure-pages".to_owned()),
        "{build:?}"
    );
    assert!(
        build.contains(&"actions/upload-pages-artifact".to_owned()),
        "{build:?}"
    );
    assert_eq!(uses(&steps(&workflow, "deploy")), ["actions/deploy-pages"]);
    assert_eq!(workflow["permissions"]["pages"].as_str(), Some("write"));
    assert_eq!(workflow["permissions"]["id-token"].as_str(), Some("write"));
    let upload = steps(&workflow, "build")
        .into_iter()
        .find(|s| {
            s["uses"]
                .as_str()
                .is_some_and(|u| u.starts_with("actions/upload-pages-artifact"))
        })
        .unwrap();
    assert_eq!(upload["with"]["path"].as_str(), Some("dist"));
}

#[test]
fn builds_with_the_readme_command_and_the_base_path_from_pages() {
    let workflow = workflow();
    let build = steps(&workflow, "build")
        .into_iter()
        .find(|s| s["name"].as_str() == Some("Build"))
        .expect("a Build step");
    let run = build["run"].as_str().unwrap().trim();
    assert!(run.starts_with("cargo xtask build --public-url "), "{run}");
    assert!(
        run.contains("steps.pages.outputs.base_path"),
        "the base path comes from configure-pages: {run}"
    );
    assert!(
        read("README.md").contains(run),
        "README shows the workflow's build command: {run}"
    );
    assert!(build["env"]["GEUL_BASE_URL"]
        .as_str()
        .unwrap()
        .contains("steps.pages.outputs.base_url"));
}

#[test]
fn every_checkout_leaves_the_token_out_of_the_working_tree() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(".github/workflows");
    let mut checkouts = 0;
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let workflow: Value = yaml_serde::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        let jobs = workflow["jobs"].as_mapping().expect("jobs");
        for (job, _) in jobs {
            for step in steps(&workflow, job.as_str().unwrap()) {
                if step["uses"]
                    .as_str()
                    .is_some_and(|u| u.starts_with("actions/checkout"))
                {
                    checkouts += 1;
                    assert_eq!(
                        step["with"]["persist-credentials"].as_bool(),
                        Some(false),
                        "{}: a checkout keeps the repository token in .git/config",
                        path.display()
                    );
                }
            }
        }
    }
    assert!(checkouts > 0);
}
