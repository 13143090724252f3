/* Live figures of the book.
 *
 * Each figure is a `.trata-figure` container (written by trata.charts.glue_figure) holding its
 * Vega-Lite specification as JSON, a static SVG drawn at build time, and an empty slot for the
 * live chart. On a page that has figures, this script loads Vega, Vega-Lite and Vega-Embed from
 * the site's own `_static/vendor/` (never from another host), draws every figure with the SVG
 * renderer, hides the static drawing once the live one is in place, and draws again in the other
 * colours when the reader switches between the light and dark theme. Data files named in a
 * specification are resolved against the site's root, and any URL on another host is refused.
 */
(function () {
  "use strict";

  var figures = document.querySelectorAll(".trata-figure");
  if (!figures.length) return;

  var html = document.documentElement;
  var root = new URL(html.dataset.content_root || "./", document.baseURI);
  var vendor = new URL("_static/vendor/", root);
  var views = new Map();
  var libraries = null;

  function load(name) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = new URL(name, vendor).href;
      s.async = false;
      s.onload = resolve;
      s.onerror = function () { reject(new Error("could not load " + s.src)); };
      document.head.appendChild(s);
    });
  }

  function loadLibraries() {
    if (!libraries) {
      // fetched in parallel, run in order (async = false keeps the insertion order)
      libraries = Promise.all([load("vega.min.js"), load("vega-lite.min.js"), load("vega-embed.min.js")]);
    }
    return libraries;
  }

  function isDark() {
    return html.dataset.theme === "dark";
  }

  function isObject(x) {
    return x !== null && typeof x === "object" && !Array.isArray(x);
  }

  function merge(base, over) {
    var out = Object.assign({}, base);
    Object.keys(over).forEach(function (k) {
      out[k] = isObject(out[k]) && isObject(over[k]) ? merge(out[k], over[k]) : over[k];
    });
    return out;
  }

  function specOf(fig, dark) {
    var spec = JSON.parse(layoutOf(fig).textContent);
    var meta = spec.usermeta && spec.usermeta.trata;
    if (dark && meta && meta.dark) spec.config = merge(spec.config || {}, meta.dark);
    return withLegendSymbols(spec);
  }

  /* Legend symbols that no colour scale fills (a legend of shapes) are drawn in Vega's default
   * black, invisible on the dark page: draw them in the legend's own text colour instead. */
  function withLegendSymbols(spec) {
    var config = spec.config || {};
    var legend = config.legend || {};
    var ink = legend.labelColor;
    if (!ink) return spec;
    var symbols = {};
    if (!legend.symbolFillColor) symbols.symbolFillColor = ink;
    if (!legend.symbolStrokeColor) symbols.symbolStrokeColor = ink;
    spec.config = merge(config, { legend: symbols });
    return spec;
  }

  /* The layout for the figure's width: the narrow one (data-max-width) when the figure is no wider. */
  function layoutOf(fig) {
    var width = fig.clientWidth;
    var chosen = null;
    fig.querySelectorAll("script.trata-figure-spec").forEach(function (s) {
      var max = Number(s.dataset.maxWidth || Infinity);
      if (width <= max && (!chosen || max < Number(chosen.dataset.maxWidth || Infinity))) chosen = s;
    });
    return chosen || fig.querySelector("script.trata-figure-spec");
  }

  /* A Vega loader that reads data from this site only. */
  function siteLoader() {
    var loader = vega.loader({ baseURL: root.href });
    var sanitize = loader.sanitize.bind(loader);
    loader.sanitize = function (uri, options) {
      return sanitize(uri, options).then(function (result) {
        var url = new URL(result.href, root);
        if (url.origin !== root.origin) {
          throw new Error("figure data must come from this site, not " + url.origin);
        }
        result.href = url.href;
        return result;
      });
    };
    return loader;
  }

  function draw(fig) {
    var dark = isDark();
    var slot = fig.querySelector(".trata-figure-live");
    var previous = views.get(fig);
    var el = document.createElement("div");
    var layout = layoutOf(fig).dataset.layout || "wide";
    slot.appendChild(el); // in the page while drawn, so that a chart as wide as its container is sized
    return vegaEmbed(el, specOf(fig, dark), {
      mode: "vega-lite",
      renderer: "svg",
      actions: false,
      loader: siteLoader(),
      tooltip: { theme: dark ? "dark" : "light" },
    }).then(function (result) {
      if (previous) previous.finalize();
      slot.replaceChildren(el);
      views.set(fig, result);
      fig.classList.add("trata-figure--live");
      fig.dataset.theme = dark ? "dark" : "light";
      fig.dataset.layout = layout;
    });
  }

  function drawAll() {
    return Promise.all(Array.prototype.map.call(figures, function (fig) {
      return draw(fig).catch(function (err) {
        console.error("figure " + fig.id + " could not be drawn; the static drawing stays:", err);
      });
    }));
  }

  loadLibraries().then(function () {
    return drawAll();
  }).then(function () {
    html.dataset.trataFigures = "drawn";
    new MutationObserver(function () {
      var theme = isDark() ? "dark" : "light";
      var stale = Array.prototype.some.call(figures, function (f) { return f.dataset.theme !== theme; });
      if (stale) drawAll();
    }).observe(html, { attributes: true, attributeFilter: ["data-theme"] });
    // a figure whose width calls for another layout is drawn again in it
    new ResizeObserver(function () {
      figures.forEach(function (f) {
        if (f.dataset.layout && (layoutOf(f).dataset.layout || "wide") !== f.dataset.layout) draw(f);
      });
    }).observe(document.body);
  }).catch(function (err) {
    console.error("the figures' libraries could not be loaded; static drawings are shown:", err);
  });
})();
