/* Vägar till jobb: Material's partials/javascripts/base.html (9.8.1), from a cached file instead
 * of inline in every page (issue 15; theme/partials/javascripts/base.html). Material's scope is
 * the site's root, written into each page relative to it; this file is assets/ of that root, so
 * the root is the folder above it. Everything else is Material's script unchanged. */
__md_scope=new URL("..",document.currentScript.src),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}
