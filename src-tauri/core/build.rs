// The bundled library is embedded with include_dir!: rebuild when roles/ changes.
fn main() {
    println!("cargo:rerun-if-changed=../../roles");
}
