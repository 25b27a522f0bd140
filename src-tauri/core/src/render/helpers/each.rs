//! `each`, as built into Handlebars (arrays and objects, `@index`, `@first`, `@last`, `@key`,
//! block parameters, `{{else}}`), plus one thing: every step checks the render's time budget
//! (`render::guard`), so nested loops that print nothing still stop. The loop follows
//! handlebars 6.4's `helper_each.rs` (MIT).

use handlebars::{
    to_json, BlockContext, BlockParams, Context, Handlebars, Helper, HelperDef, HelperResult,
    JsonValue as Json, Output, RenderContext, RenderError, RenderErrorReason, Renderable,
};

use crate::render::guard;

pub struct EachHelper;

fn budget() -> Result<(), RenderError> {
    match guard::over_time() {
        Some(why) => Err(RenderErrorReason::Other(why).into()),
        None => Ok(()),
    }
}

fn block_params<'rc>(
    block: &mut BlockContext<'rc>,
    h: &Helper<'rc>,
    base_path: Option<&Vec<String>>,
    k: &Json,
    v: &Json,
) -> Result<(), RenderError> {
    let value = |params: &mut BlockParams<'rc>, name: &'rc str| {
        if base_path.is_some() {
            params.add_path(name, Vec::new())
        } else {
            params.add_value(name, v.clone())
        }
    };
    if let Some(bp_val) = h.block_param() {
        let mut params = BlockParams::new();
        value(&mut params, bp_val)?;
        block.set_block_params(params);
    } else if let Some((bp_val, bp_key)) = h.block_param_pair() {
        let mut params = BlockParams::new();
        value(&mut params, bp_val)?;
        params.add_value(bp_key, k.clone())?;
        block.set_block_params(params);
    }
    Ok(())
}

impl HelperDef for EachHelper {
    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        r: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        rc: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        let value = h
            .param(0)
            .ok_or(RenderErrorReason::ParamNotFoundForIndex("each", 0))?;
        let Some(t) = h.template() else {
            return Ok(());
        };
        // (key, value) pairs of an array or an object; anything else renders `else`.
        let entries: Vec<(Json, String, &Json)> = match value.value() {
            Json::Array(list) if !list.is_empty() || h.inverse().is_none() => list
                .iter()
                .enumerate()
                .map(|(i, v)| (to_json(i), i.to_string(), v))
                .collect(),
            Json::Object(obj) if !obj.is_empty() || h.inverse().is_none() => obj
                .iter()
                .map(|(k, v)| (to_json(k), k.to_string(), v))
                .collect(),
            _ => {
                return if let Some(else_template) = h.inverse() {
                    else_template.render(r, ctx, rc, out)
                } else if r.strict_mode() {
                    Err(RenderError::strict_error(value.relative_path()))
                } else {
                    Ok(())
                };
            }
        };
        let is_object = value.value().is_object();
        let mut block = BlockContext::new();
        match value.context_path() {
            Some(path) => *block.base_path_mut() = path.clone(),
            None => block.set_base_value(value.value().clone()),
        }
        rc.push_block(block);
        let base_path = value.context_path();
        let len = entries.len();
        for (i, (key, step, v)) in entries.into_iter().enumerate() {
            budget()?;
            if let Some(block) = rc.block_mut() {
                block.set_local_var("first", to_json(i == 0));
                block.set_local_var("last", to_json(i + 1 == len));
                block.set_local_var("index", to_json(i));
                if is_object {
                    block.set_local_var("key", key.clone());
                }
                match base_path {
                    Some(p) if i == 0 => {
                        let mut path = p.clone();
                        path.push(step);
                        *block.base_path_mut() = path;
                    }
                    Some(_) => {
                        if let Some(last) = block.base_path_mut().last_mut() {
                            *last = step;
                        }
                    }
                    None => block.set_base_value(v.clone()),
                }
                block_params(block, h, base_path, &key, v)?;
            }
            t.render(r, ctx, rc, out)?;
        }
        rc.pop_block();
        Ok(())
    }
}
