#![allow(dead_code)] // helpers for every flow; not each test uses each one
//! A small W3C WebDriver client for the end-to-end tests: starts `tauri-driver` (which starts
//! WebKitWebDriver, which starts the app) on free ports, opens a session, and stops it all with
//! SIGTERM at the end so WebKitWebDriver is never orphaned.

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// One app session at a time: each session starts its own app process.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

pub struct Session {
    agent: ureq::Agent,
    base: String,
    driver: Child,
    pub data_dir: PathBuf,
    /// Where exports land: the app writes here instead of opening the save dialog.
    pub save_dir: PathBuf,
    _guard: MutexGuard<'static, ()>,
}

#[derive(Clone, Debug)]
pub struct Element(pub String);

fn free_port_pair() -> u16 {
    for _ in 0..50 {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        if port < 65000 && TcpListener::bind(("127.0.0.1", port + 1)).is_ok() {
            return port;
        }
    }
    panic!("no two free neighbouring ports");
}

fn tauri_driver() -> PathBuf {
    if let Some(p) = std::env::var_os("TAURI_DRIVER") {
        return p.into();
    }
    let home_bin = std::env::var_os("HOME").map(|h| Path::new(&h).join(".cargo/bin/tauri-driver"));
    match home_bin {
        Some(p) if p.exists() => p,
        _ => "tauri-driver".into(),
    }
}

impl Session {
    /// Starts the app built by cargo for this test, with an empty data folder of its own and the
    /// given command-line arguments.
    pub fn start(args: &[&str]) -> Session {
        Session::start_with(args, |_| {})
    }

    /// Like `start`, with `prepare` called on the data folder before the app starts (to put
    /// roles into `<data dir>/roles`, say).
    pub fn start_with(args: &[&str], prepare: impl FnOnce(&Path)) -> Session {
        let guard = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
        assert!(
            std::env::var_os("DISPLAY").is_some(),
            "DISPLAY is not set: run the end-to-end tests through scripts/e2e.sh (it starts Xvfb)"
        );
        let data_dir = std::env::temp_dir().join(format!(
            "rolecraft-e2e-{}-{}",
            std::process::id(),
            free_port_pair()
        ));
        let save_dir = data_dir.join("exports");
        std::fs::create_dir_all(&save_dir).unwrap();
        prepare(&data_dir);
        let port = free_port_pair();
        let driver = Command::new(tauri_driver())
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &(port + 1).to_string(),
            ])
            .env("ROLECRAFT_DATA_DIR", &data_dir)
            .env("ROLECRAFT_SAVE_DIR", &save_dir)
            .env("WEBKIT_DISABLE_COMPOSITING_MODE", "1")
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("tauri-driver starts (cargo install tauri-driver --locked)");
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "tauri-driver did not open port {port}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(60)))
            .build()
            .into();
        let mut session = Session {
            agent,
            base: format!("http://127.0.0.1:{port}"),
            driver,
            data_dir,
            save_dir,
            _guard: guard,
        };
        let app = env!("CARGO_BIN_EXE_rolecraft-app");
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "wry",
            "tauri:options": {"application": app, "args": args},
        }}});
        // WebKitWebDriver may still be starting: retry a refused or dropped first connection.
        let url = format!("{}/session", session.base);
        let mut attempt = 0;
        let resp: Value = loop {
            attempt += 1;
            match session.agent.post(&url).send_json(&caps) {
                Ok(mut r) => {
                    break r.body_mut().read_json::<Value>().expect("session JSON")["value"].clone()
                }
                Err(e) if attempt < 5 => {
                    eprintln!("POST {url}: {e}; retrying");
                    std::thread::sleep(Duration::from_millis(500));
                }
                Err(e) => panic!("POST {url}: {e}"),
            }
        };
        let id = resp["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {resp}"))
            .to_string();
        session.base = format!("{}/session/{id}", session.base);
        session
    }

    fn request(&mut self, method: &str, path: &str, body: Option<Value>) -> Value {
        let url = format!("{}{}", self.base, path);
        let resp = match (method, body) {
            ("GET", _) => self.agent.get(&url).call(),
            ("DELETE", _) => self.agent.delete(&url).call(),
            (_, body) => self
                .agent
                .post(&url)
                .send_json(body.unwrap_or_else(|| json!({}))),
        };
        let mut resp = resp.unwrap_or_else(|e| panic!("{method} {url}: {e}"));
        let value: Value = resp
            .body_mut()
            .read_json()
            .unwrap_or_else(|e| panic!("{method} {url}: {e}"));
        value.get("value").cloned().unwrap_or(Value::Null)
    }

    fn ok(&mut self, method: &str, path: &str, body: Option<Value>) -> Value {
        let v = self.request(method, path, body);
        if let Some(err) = v.get("error") {
            panic!("{method} {path}: {err}: {}", v["message"]);
        }
        v
    }

    /// Every element matching a CSS selector, now. WebKitWebDriver answers a find with "stale
    /// element reference" when the page replaces a matching node while it builds the handles
    /// (the virtual library list re-renders as it fills): that find is asked again.
    pub fn all(&mut self, css: &str) -> Vec<Element> {
        let query = json!({"using": "css selector", "value": css});
        let mut v = self.request("POST", "/elements", Some(query.clone()));
        for _ in 0..20 {
            if v.get("error").and_then(Value::as_str) != Some("stale element reference") {
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
            v = self.request("POST", "/elements", Some(query.clone()));
        }
        if let Some(err) = v.get("error") {
            panic!("POST /elements: {err}: {}", v["message"]);
        }
        v.as_array()
            .unwrap_or_else(|| panic!("find {css}: {v}"))
            .iter()
            .map(|e| {
                Element(
                    e[ELEMENT]
                        .as_str()
                        .unwrap_or_else(|| panic!("find {css}: {e}"))
                        .to_string(),
                )
            })
            .collect()
    }

    /// Waits up to 15 s until `cond` holds for the elements matching `css`; returns them.
    /// Waits until `script` (run in the page) returns true. For what a page script reads better
    /// than element handles: lists that re-render (virtual rows, findings after each check)
    /// stale WebDriver's handles between finding an element and reading it.
    /// From the start screen: the Draft tab, a new draft of `role` (with `template`, else the
    /// default one), created.
    pub fn new_draft(&mut self, role: &str, template: Option<&str>) {
        self.wait_until(".role-link", "the library", |_, e| e.len() >= 4);
        let tab = self.find("nav.tabs a[href^='#/draft']");
        self.click(&tab);
        let option = self.find(&format!(
            ".new-draft select[name=role] option[value='{role}']"
        ));
        self.click(&option);
        if let Some(template) = template {
            let choice = self.find(&format!(
                ".new-draft select[name=template] option[value='{template}']"
            ));
            self.click(&choice);
        }
        let create = self.find(".new-draft button[type=submit]");
        self.click(&create);
    }

    /// The first element matching `css` whose text is `label`, waiting for it to appear.
    pub fn button(&mut self, css: &str, label: &str) -> Element {
        let found = self.wait_until(css, label, |s, e| e.iter().any(|b| s.text(b) == label));
        found
            .into_iter()
            .find(|b| self.text(b) == label)
            .expect("waited for it")
    }

    /// Opens the draft's Export… menu and clicks the format labelled `label`.
    pub fn choose_export(&mut self, label: &str) {
        let menu = self.button(".preview-pane button", "Export…");
        self.click(&menu);
        let items = self.wait_until("[role=menuitem]", "the export formats", |_, e| e.len() == 6);
        let item = items
            .into_iter()
            .find(|b| self.text(b) == label)
            .unwrap_or_else(|| panic!("no {label} in the export menu"));
        self.click(&item);
    }

    pub fn wait_in_page(&mut self, script: &str, what: &str) {
        for _ in 0..150 {
            if self.execute(script, json!([])) == json!(true) {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        panic!("timed out waiting for {what}");
    }

    pub fn wait_until(
        &mut self,
        css: &str,
        what: &str,
        cond: impl Fn(&mut Self, &[Element]) -> bool,
    ) -> Vec<Element> {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let found = self.all(css);
            if cond(self, &found) {
                return found;
            }
            if Instant::now() > deadline {
                let page = self.text_of_body();
                panic!("timed out waiting for {what} ({css}); the page says:\n{page}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// The first element matching `css`, waiting for it to appear.
    pub fn find(&mut self, css: &str) -> Element {
        self.wait_until(css, "an element", |_, e| !e.is_empty())
            .remove(0)
    }

    /// Elements matching `css` inside `el`.
    pub fn children(&mut self, el: &Element, css: &str) -> Vec<Element> {
        let v = self.ok(
            "POST",
            &format!("/element/{}/elements", el.0),
            Some(json!({"using": "css selector", "value": css})),
        );
        v.as_array()
            .unwrap()
            .iter()
            .map(|e| Element(e[ELEMENT].as_str().unwrap().to_string()))
            .collect()
    }

    /// The text of the document inside the iframe matching `css` (switching in and back out).
    /// Empty while the frame is being replaced (its srcdoc changes on every edit).
    pub fn frame_text(&mut self, css: &str) -> String {
        let frames = self.all(css);
        let Some(frame) = frames.first() else {
            return String::new();
        };
        let el = json!({ ELEMENT: frame.0 });
        let mut text = String::new();
        let v = self.request("POST", "/frame", Some(json!({ "id": el })));
        if v.get("error").is_none() {
            let found = self.request(
                "POST",
                "/elements",
                Some(json!({"using": "css selector", "value": "body"})),
            );
            if let Some(id) = found
                .as_array()
                .and_then(|a| a.first())
                .and_then(|e| e[ELEMENT].as_str())
            {
                let id = id.to_string();
                let t = self.request("GET", &format!("/element/{id}/text"), None);
                text = t.as_str().unwrap_or("").to_string();
            }
        }
        self.request("POST", "/frame/parent", Some(json!({})));
        text
    }

    /// How many elements match `css` inside the iframe matching `frame_css`.
    pub fn count_in_frame(&mut self, frame_css: &str, css: &str) -> usize {
        let frame = self.find(frame_css);
        self.ok(
            "POST",
            "/frame",
            Some(json!({ "id": { ELEMENT: frame.0 } })),
        );
        let n = self.all(css).len();
        self.ok("POST", "/frame/parent", Some(json!({})));
        n
    }

    pub fn title(&mut self) -> String {
        self.ok("GET", "/title", None)
            .as_str()
            .unwrap_or("")
            .to_string()
    }

    /// The element's position and size on the page: (x, y, width, height).
    pub fn rect(&mut self, el: &Element) -> (f64, f64, f64, f64) {
        let r = self.ok("GET", &format!("/element/{}/rect", el.0), None);
        let f = |k: &str| r[k].as_f64().unwrap_or(f64::NAN);
        (f("x"), f("y"), f("width"), f("height"))
    }

    pub fn text(&mut self, el: &Element) -> String {
        self.ok("GET", &format!("/element/{}/text", el.0), None)
            .as_str()
            .unwrap_or("")
            .to_string()
    }

    pub fn texts(&mut self, css: &str) -> Vec<String> {
        let els = self.all(css);
        els.iter().map(|e| self.text(e)).collect()
    }

    pub fn attr(&mut self, el: &Element, name: &str) -> Option<String> {
        self.ok("GET", &format!("/element/{}/attribute/{name}", el.0), None)
            .as_str()
            .map(str::to_string)
    }

    pub fn click(&mut self, el: &Element) {
        self.ok("POST", &format!("/element/{}/click", el.0), Some(json!({})));
    }

    pub fn type_into(&mut self, el: &Element, text: &str) {
        self.ok(
            "POST",
            &format!("/element/{}/value", el.0),
            Some(json!({"text": text})),
        );
    }

    /// In the draft form: adds a location and types its city, region and country code.
    pub fn add_location(&mut self, city: &str, region: &str, country: &str) {
        let add = self
            .all(".locations button.add")
            .into_iter()
            .next()
            .expect("the Add location button");
        self.click(&add);
        let field = self.find("input[name=locations]");
        self.type_into(&field, city);
        let field = self.find(".locations .location input[placeholder=NY]");
        self.type_into(&field, region);
        let field = self.find(".locations .location input[placeholder=US]");
        self.type_into(&field, country);
    }

    /// In the draft form: types the pay range and its currency.
    pub fn type_pay(&mut self, min: &str, max: &str, currency: &str) {
        for (name, value) in [
            ("salary_min", min),
            ("salary_max", max),
            ("currency", currency),
        ] {
            let input = self.find(&format!("input[name={name}]"));
            self.type_into(&input, value);
        }
    }

    pub fn clear(&mut self, el: &Element) {
        self.ok("POST", &format!("/element/{}/clear", el.0), Some(json!({})));
    }

    /// Runs a script in the page (WebDriver's own channel, not subject to the page's CSP).
    pub fn execute(&mut self, script: &str, args: Value) -> Value {
        self.ok(
            "POST",
            "/execute/sync",
            Some(json!({"script": script, "args": args})),
        )
    }

    /// Runs an asynchronous script: it gets a callback as its last argument and calls it with
    /// the result.
    pub fn execute_async(&mut self, script: &str, args: Value) -> Value {
        self.ok(
            "POST",
            "/execute/async",
            Some(json!({"script": script, "args": args})),
        )
    }

    /// Runs axe-core on the page as it is now and returns the serious and critical violations
    /// (rule, impact, help, and the elements, one line each). axe comes from
    /// `ui/node_modules/axe-core/axe.min.js` and is injected through WebDriver, whose scripts
    /// the page's CSP does not govern; the app itself never loads it.
    pub fn axe(&mut self) -> Vec<String> {
        let loaded = self.execute("return typeof window.axe === 'object'", json!([]));
        if loaded != Value::Bool(true) {
            let path =
                Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/node_modules/axe-core/axe.min.js");
            let source = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e} (run npm --prefix ui ci)", path.display()));
            self.execute(&format!("{source}\nreturn true;"), json!([]));
        }
        let found = self.execute_async(
            r#"const done = arguments[arguments.length - 1];
            window.axe.run(document, { resultTypes: ['violations'] })
              .then((r) => done(r.violations
                .filter((v) => v.impact === 'serious' || v.impact === 'critical')
                .flatMap((v) => v.nodes.map((n) =>
                  `${v.impact} ${v.id}: ${v.help} at ${n.target.join(' ')} ${n.failureSummary ?? ''}`.replace(/\s+/g, ' ')))))
              .catch((e) => done([`axe failed: ${e}`]));"#,
            json!([]),
        );
        found
            .as_array()
            .unwrap_or_else(|| panic!("axe answered {found}"))
            .iter()
            .map(|v| v.as_str().unwrap_or_default().to_string())
            .collect()
    }

    /// Resizes the app's window (its outer size).
    pub fn set_window_size(&mut self, width: u32, height: u32) {
        self.ok(
            "POST",
            "/window/rect",
            Some(json!({"width": width, "height": height})),
        );
    }

    /// Saves what the window shows as a PNG, with ImageMagick's `import` from the X display (as
    /// scripts/screenshot.sh does; WebDriver's own screenshot hangs in WebKitGTK under Xvfb).
    pub fn screenshot(&mut self, path: &Path) {
        let r = self.ok("GET", "/window/rect", None);
        let n = |k: &str| r[k].as_f64().unwrap_or(0.0).max(0.0).round() as u32;
        let crop = format!("{}x{}+{}+{}", n("width"), n("height"), n("x"), n("y"));
        let status = Command::new("import")
            .args(["-window", "root", "-crop", &crop, "+repage"])
            .arg(path)
            .status()
            .expect("ImageMagick's import runs");
        assert!(status.success(), "import {}: {status}", path.display());
    }

    pub fn text_of_body(&mut self) -> String {
        let v = self.request(
            "POST",
            "/elements",
            Some(json!({"using": "css selector", "value": "body"})),
        );
        match v
            .as_array()
            .and_then(|a| a.first())
            .and_then(|e| e[ELEMENT].as_str())
        {
            Some(id) => {
                let id = id.to_string();
                self.request("GET", &format!("/element/{id}/text"), None)
                    .as_str()
                    .unwrap_or("")
                    .to_string()
            }
            None => String::from("(no body)"),
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        // Never panic here: a panic while unwinding aborts and would orphan the driver.
        if self.base.contains("/session/") {
            let _ = self.agent.delete(&self.base).call();
        }
        // SIGTERM, not SIGKILL: tauri-driver then stops WebKitWebDriver (and the app) too.
        let _ = Command::new("kill")
            .args(["-TERM", &self.driver.id().to_string()])
            .status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.driver.try_wait() {
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        let _ = std::fs::remove_dir_all(&self.data_dir);
    }
}

/// Prints a timing and appends it to `target/e2e-timings.txt` (timings are reported, never
/// asserted: the machines are noisy).
pub fn report(line: &str) {
    use std::io::Write;
    println!("{line}");
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/e2e-timings.txt");
    if let Ok(mut f) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
    {
        let _ = writeln!(f, "{line}");
    }
}
