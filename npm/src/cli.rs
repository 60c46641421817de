//! `npx schemashift`: the native CLI's own code (crate `schemashift-cli`) over a host made of
//! JS callbacks (Node's `fs`), so the two cannot differ in arguments, messages or exit codes.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// Node's side of the command line (`bin/schemashift.js`). Each callback throws a string,
    /// the error text after the path as Rust's `std::io::Error` prints it.
    #[wasm_bindgen(typescript_type = "any")]
    pub type CliHost;
    /// The bytes of a file; `-` is stdin.
    #[wasm_bindgen(method, catch)]
    fn read(this: &CliHost, path: &str) -> Result<Vec<u8>, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn write(this: &CliHost, path: &str, text: &str) -> Result<(), JsValue>;
    /// The entry names of a directory (a JS array of strings).
    #[wasm_bindgen(method, catch, js_name = listDir)]
    fn list_dir(this: &CliHost, path: &str) -> Result<JsValue, JsValue>;
}

struct Host<'a>(&'a CliHost);

fn message(e: JsValue) -> String {
    e.as_string().unwrap_or_else(|| format!("{e:?}"))
}

impl schemashift_cli::Host for Host<'_> {
    fn read(&mut self, path: &str) -> Result<Vec<u8>, String> {
        self.0.read(path).map_err(message)
    }

    fn write(&mut self, path: &str, text: &str) -> Result<(), String> {
        self.0.write(path, text).map_err(message)
    }

    fn list_dir(&mut self, path: &str) -> Result<Vec<String>, String> {
        let names = self.0.list_dir(path).map_err(message)?;
        serde_wasm_bindgen::from_value(names).map_err(|e| e.to_string())
    }

    fn random_rev_id(&mut self) -> Result<String, String> {
        Ok(crate::random_rev_id())
    }

    fn now(&mut self) -> String {
        crate::local_now()
    }
}

/// What a run of the command line printed, and its exit code.
#[derive(serde::Serialize)]
struct CliOutput {
    code: u8,
    stdout: String,
    stderr: String,
}

/// Run `schemashift ARGV...` (internal: the package's `bin/schemashift.js` calls it).
#[doc(hidden)]
#[wasm_bindgen(js_name = __cli, unchecked_return_type = "{ code: number, stdout: string, stderr: string }")]
pub fn cli(
    #[wasm_bindgen(unchecked_param_type = "string[]")] argv: JsValue,
    host: &CliHost,
) -> Result<JsValue, JsError> {
    crate::install_panic_hook();
    let argv: Vec<String> = serde_wasm_bindgen::from_value(argv)
        .map_err(|e| JsError::new(&format!("schemashift: argv: {e}")))?;
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = schemashift_cli::run(argv, &mut Host(host), &mut out, &mut err);
    crate::to_js(&CliOutput {
        code,
        stdout: String::from_utf8_lossy(&out).into_owned(),
        stderr: String::from_utf8_lossy(&err).into_owned(),
    })
}
