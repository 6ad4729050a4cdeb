/* argmap's gradual semantics in the page: the JavaScript twin of
 * argmap/semantics/gradual.py, so that the page can recompute every claim's
 * strength when the reader changes a base score or removes a claim.
 *
 * It follows the Python module step by step, in the same order of floating-
 * point operations (numpy's element-wise operations are IEEE double
 * operations, and numpy.bincount sums in the order of its entries), so the
 * two agree to the last bits up to the rounding of exp and log in the two
 * libraries; tests/test_page_semantics.py holds them to 1e-9.
 *
 * The semantics (each in the "modular" form of Mossakowski & Neuhaus 2018,
 * aggregation then influence):
 *   dfquad  DF-QuAD: Rago, Toni, Aurisicchio & Baroni, "Discontinuity-Free
 *           Decision Support with Quantitative Argumentation Debates", KR 2016.
 *   qe      quadratic energy: Potyka, "Continuous Dynamical Systems for
 *           Weighted Bipolar Argumentation", KR 2018.
 *   euler   Euler-based: Amgoud & Ben-Naim, "Weighted Bipolar Argumentation
 *           Graphs: Axioms and Semantics", IJCAI 2018.
 *   hcat    weighted h-categorizer (attacks only): Besnard & Hunter, AIJ 2001;
 *           Amgoud, Ben-Naim, Doder & Vesic, IJCAI 2017.
 * A relation contributes min(its premises) * weight, times (1 - u) for each
 * undercut u of it (Pollock 1987); linked premises act through the weakest.
 *
 * How (as in Python): on an acyclic map, rounds of the update T until it
 * stops changing (at most DEEP rounds, else one pass in topological order,
 * Kahn 1962); on a cyclic map, synchronous iteration until no value moves
 * more than tol, and where that fails within maxIter rounds, dx/dt = T(x) - x
 * (Potyka 2018) integrated by the classical Runge-Kutta method.
 *
 * No dependencies; it touches nothing but window.argmapSemantics.
 */
(function (root) {
  "use strict";

  var SUPPORT = 0, ATTACK = 1, UNDERCUT = 2;  // the codes of Arrays.kind
  var DEEP = 64;  // gradual.DEEP
  var DEFAULTS = {tol: 1e-9, maxIter: 1000, h: 0.1, maxSteps: 100000};  // evaluate()'s defaults

  /* Each semantics: its aggregation ("product": the probabilistic sum
   * 1 - prod(1 - v); "sum"), whether it reads supports, and its influence
   * twice: `influence(v0, att, sup)` as the vectorised Python writes it (on
   * the aggregates), `scalar(v0, attackers, supporters)` as the reference
   * writes it (on the lists of contributions). */
  var GRADUAL = {
    dfquad: {
      title: "DF-QuAD", product: true, support: true,
      influence: function (v0, va, vs) {
        var d = vs - va;
        return v0 + (d > 0 ? 1.0 - v0 : v0) * d;
      },
      scalar: function (v0, att, sup) {
        var va = 1.0 - product(att), vs = 1.0 - product(sup);
        return va >= vs ? v0 - v0 * (va - vs) : v0 + (1.0 - v0) * (vs - va);
      }
    },
    qe: {
      title: "quadratic energy", product: false, support: true,
      influence: function (v0, att, sup) {
        var e = sup - att, e2 = e * e;
        return v0 + (e >= 0 ? 1.0 - v0 : -v0) * (e2 / (1.0 + e2));
      },
      scalar: function (v0, att, sup) {
        var e = sum(sup) - sum(att), h = e * e / (1.0 + e * e);
        return e >= 0 ? v0 + (1.0 - v0) * h : v0 - v0 * h;
      }
    },
    euler: {
      title: "Euler-based", product: false, support: true,
      influence: function (v0, att, sup) {
        return 1.0 - (1.0 - v0 * v0) / (1.0 + v0 * Math.exp(Math.min(sup - att, 700.0)));
      },
      scalar: function (v0, att, sup) {
        return 1.0 - (1.0 - v0 * v0) / (1.0 + v0 * Math.exp(Math.min(sum(sup) - sum(att), 700.0)));
      }
    },
    hcat: {
      title: "weighted h-categorizer", product: false, support: false,
      influence: function (v0, att) { return v0 / (1.0 + att); },
      scalar: function (v0, att) { return v0 / (1.0 + sum(att)); }
    }
  };

  function sum(values) {  // Python's sum(): from 0, left to right
    var s = 0.0;
    for (var i = 0; i < values.length; i++) s += values[i];
    return s;
  }

  function product(values) {  // math.prod(1 - v for v in values)
    var p = 1.0;
    for (var i = 0; i < values.length; i++) p *= 1.0 - values[i];
    return p;
  }

  function log1m(v) {  // gradual._Update._log: log(1 - v), -Infinity at v = 1
    return Math.log(1.0 - v);
  }

  /* The framework after the reader's changes: base scores replaced, removed
   * claims gone with every relation they take part in (Framework.without: a
   * relation loses its force when one of its linked premises goes, an
   * undercut falls with the relation it undercuts).  Claims and relations
   * keep their order, as in Python. */
  function compile(fw, changes) {
    var n0 = fw.claims.length, r0 = fw.kind.length, i, j, k;
    var baseChanges = (changes && changes.base) || {}, removed = (changes && changes.removed) || {};
    var gone = [], alive = [];
    for (i = 0; i < n0; i++) gone.push(removed[i] === true);
    for (j = 0; j < r0; j++) alive.push(true);
    for (var changed = true; changed;) {
      changed = false;
      for (j = 0; j < r0; j++) {
        if (!alive[j]) continue;
        var dead = fw.kind[j] === UNDERCUT ? !alive[fw.target[j]] : gone[fw.target[j]];
        for (k = fw.premise_ptr[j]; k < fw.premise_ptr[j + 1] && !dead; k++) dead = gone[fw.premise[k]];
        if (dead) { alive[j] = false; changed = true; }
      }
    }
    var claimAt = [], relationAt = [], keep = [], kept = [];
    for (i = 0; i < n0; i++) { claimAt.push(gone[i] ? -1 : keep.length); if (!gone[i]) keep.push(i); }
    for (j = 0; j < r0; j++) { relationAt.push(alive[j] ? kept.length : -1); if (alive[j]) kept.push(j); }
    var n = keep.length, r = kept.length;
    var out = {
      keep: keep, n: n, r: r, base: new Float64Array(n), kind: new Int8Array(r),
      ptr: new Int32Array(r + 1), premise: [], weight: new Float64Array(r), target: new Int32Array(r)
    };
    for (i = 0; i < n; i++) {
      var c = keep[i];
      out.base[i] = Object.prototype.hasOwnProperty.call(baseChanges, c) ? +baseChanges[c] : fw.base[c];
    }
    for (j = 0; j < r; j++) {
      var old = kept[j];
      out.kind[j] = fw.kind[old];
      out.weight[j] = fw.weight[old];
      out.target[j] = fw.kind[old] === UNDERCUT ? relationAt[fw.target[old]] : claimAt[fw.target[old]];
      for (k = fw.premise_ptr[old]; k < fw.premise_ptr[old + 1]; k++) out.premise.push(claimAt[fw.premise[k]]);
      out.ptr[j + 1] = out.premise.length;
    }
    return out;
  }

  /* Kahn's algorithm (Kahn, "Topological sorting of large networks", CACM
   * 5, 1962) on claims 0..n-1 and relations n..n+r-1, edges premise ->
   * relation -> target: the nodes in a topological order, or null when a
   * claim depends on itself (Arrays.is_acyclic). */
  function topologicalOrder(a) {
    var size = a.n + a.r, out = [], entering = new Int32Array(size), j, k;
    for (j = 0; j < size; j++) out.push([]);
    function edge(from, to) { out[from].push(to); entering[to]++; }
    for (j = 0; j < a.r; j++) {
      for (k = a.ptr[j]; k < a.ptr[j + 1]; k++) edge(a.premise[k], a.n + j);
      edge(a.n + j, a.kind[j] === UNDERCUT ? a.n + a.target[j] : a.target[j]);
    }
    var order = [];
    for (j = 0; j < size; j++) if (entering[j] === 0) order.push(j);
    for (var at = 0; at < order.length; at++) {
      var next = out[order[at]];
      for (k = 0; k < next.length; k++) if (--entering[next[k]] === 0) order.push(next[k]);
    }
    return order.length === size ? order : null;
  }

  /* One update T(x), as gradual._Update: x holds the claims' strengths, and
   * unless the relations fold into claim-to-claim sums (one premise each, no
   * undercut, and for the probabilistic sum no weight) the relations'
   * contributions after them. */
  function makeUpdate(a, sem) {
    var n = a.n, r = a.r, j;
    var unweighted = true, undercut = false;
    for (j = 0; j < r; j++) {
      if (a.weight[j] !== 1.0) unweighted = false;
      if (a.kind[j] === UNDERCUT) undercut = true;
    }
    var single = a.premise.length === r;
    var claimLevel = single && !undercut && (unweighted || !sem.product);
    // the aggregated entries, in relation order: row (attacks 0..n-1, supports n..2n-1) and relation
    var rows = [], rels = [];
    for (j = 0; j < r; j++) {
      if (a.kind[j] === ATTACK || (a.kind[j] === SUPPORT && sem.support)) {
        rows.push(a.target[j] + (a.kind[j] === SUPPORT ? n : 0));
        rels.push(j);
      }
    }
    var both = new Float64Array(2 * n);

    function combine(g, claimValues) {  // _Update._combine; g by claim or by relation
      var out = new Float64Array(claimValues ? n : n + r), i;
      both.fill(0.0);
      for (i = 0; i < rows.length; i++) {
        var j = rels[i];
        var data = claimValues ? (sem.product ? 1.0 : a.weight[j]) : 1.0;
        both[rows[i]] += data * g[claimValues ? a.premise[a.ptr[j]] : j];
      }
      if (sem.product) for (i = 0; i < 2 * n; i++) both[i] = 1.0 - Math.exp(both[i]);
      for (i = 0; i < n; i++) out[i] = sem.influence(a.base[i], both[i], both[n + i]);
      return out;
    }

    function update(x) {
      var i, k;
      if (claimLevel) {
        if (!sem.product) return combine(x, true);
        var logs = new Float64Array(n);
        for (i = 0; i < n; i++) logs[i] = log1m(x[i]);
        return combine(logs, true);
      }
      var c = new Float64Array(r);
      for (j = 0; j < r; j++) {
        var m = x[a.premise[a.ptr[j]]];
        for (k = a.ptr[j] + 1; k < a.ptr[j + 1]; k++) m = nanMin(m, x[a.premise[k]]);
        c[j] = m;
      }
      if (!unweighted) for (j = 0; j < r; j++) c[j] = c[j] * a.weight[j];
      if (undercut) {
        var under = new Float64Array(r);  // sum of log(1 - u) over the undercuts u of each relation
        for (j = 0; j < r; j++) if (a.kind[j] === UNDERCUT) under[a.target[j]] += log1m(x[n + j]);
        for (j = 0; j < r; j++) c[j] = c[j] * Math.exp(under[j]);
      }
      var g = c;
      if (sem.product) {
        g = new Float64Array(r);
        for (j = 0; j < r; j++) g[j] = log1m(c[j]);
      }
      var out = combine(g, false);
      out.set(c, n);
      return out;
    }

    var x0 = new Float64Array(claimLevel ? n : n + r);
    x0.set(a.base);
    return {update: update, x0: x0};
  }

  function nanMin(p, q) {  // numpy.minimum: NaN wins
    return p !== p || q !== q ? NaN : (q < p ? q : p);
  }

  function residual(tx, x) {  // max |tx - x| (NaN if any is NaN), 0 for none
    var m = 0.0;
    for (var i = 0; i < x.length; i++) {
      var d = Math.abs(tx[i] - x[i]);
      if (d !== d) return NaN;
      if (d > m) m = d;
    }
    return m;
  }

  function equal(p, q) {  // numpy.array_equal
    for (var i = 0; i < p.length; i++) if (!(p[i] === q[i])) return false;
    return true;
  }

  /* gradual._exact: rounds of T from x0 until it stops changing, or null
   * after DEEP rounds. */
  function exact(update, x0) {
    var x = x0;
    for (var it = 1; it <= DEEP; it++) {
      var tx = update(x);
      if (equal(tx, x)) return {x: x, iterations: it};
      x = tx;
    }
    return null;
  }

  /* gradual._drive: synchronous iteration, then the classical fourth-order
   * Runge-Kutta method on dx/dt = T(x) - x (Potyka 2018) from x0. */
  function drive(update, x0, o) {
    var x = x0, res = Infinity, it, i;
    for (it = 1; it <= o.maxIter; it++) {
      var tx = update(x);
      res = residual(tx, x);
      x = tx;
      if (res <= o.tol) return done(x, true, it, res, "iteration");
    }
    var len = x0.length, half = 0.5 * o.h, sixth = o.h / 6.0;
    function slope(y) { var t = update(y); for (var i = 0; i < len; i++) t[i] = t[i] - y[i]; return t; }
    function step(by, k) { var y = new Float64Array(len); for (var i = 0; i < len; i++) y[i] = x[i] + by * k[i]; return y; }
    x = x0;
    for (var s = 1; s <= o.maxSteps; s++) {
      var k1 = slope(x);
      res = residual(k1, new Float64Array(len));
      if (res <= o.tol) return done(x, true, o.maxIter + s - 1, res, "rk4");
      var k2 = slope(step(half, k1));
      var k3 = slope(step(half, k2));
      var k4 = slope(step(o.h, k3));
      var next = new Float64Array(len);
      for (i = 0; i < len; i++) {
        // the exact flow stays in [0, 1]; keep the numerical one there too
        var v = x[i] + sixth * (k1[i] + 2.0 * k2[i] + 2.0 * k3[i] + k4[i]);
        next[i] = v !== v ? v : Math.min(Math.max(v, 0.0), 1.0);
      }
      x = next;
    }
    var last = update(x);
    return done(last, false, o.maxIter + o.maxSteps, residual(last, x), "rk4");
  }

  function done(x, converged, iterations, res, method) {
    return {x: x, converged: converged, iterations: iterations, residual: res, method: method};
  }

  /* gradual._reference on an acyclic map: each relation, then each claim,
   * once, in topological order, by the scalar formulas. */
  function onePass(a, sem, order) {
    var strength = new Float64Array(a.n), contribution = new Float64Array(a.r), j, k;
    var into = [];  // per claim and relation: [supports, attacks, undercuts] in relation order
    for (j = 0; j < a.n + a.r; j++) into.push([[], [], []]);
    for (j = 0; j < a.r; j++) into[a.kind[j] === UNDERCUT ? a.n + a.target[j] : a.target[j]][a.kind[j]].push(j);
    for (var at = 0; at < order.length; at++) {
      var node = order[at], ins = into[node];
      if (node >= a.n) {
        j = node - a.n;
        var m = strength[a.premise[a.ptr[j]]];
        for (k = a.ptr[j] + 1; k < a.ptr[j + 1]; k++) m = Math.min(m, strength[a.premise[k]]);
        var v = m * a.weight[j];
        for (k = 0; k < ins[UNDERCUT].length; k++) v *= 1.0 - contribution[ins[UNDERCUT][k]];
        contribution[j] = v;
      } else {
        var att = ins[ATTACK].map(function (r) { return contribution[r]; });
        var sup = sem.support ? ins[SUPPORT].map(function (r) { return contribution[r]; }) : [];
        strength[node] = sem.scalar(a.base[node], att, sup);
      }
    }
    return done(strength, true, 1, 0.0, "exact");
  }

  /**
   * Every claim's strength under a gradual semantics, after the reader's changes.
   *
   * fw        the framework as argmap.semantics.page.page_framework writes it:
   *           {claims, relations, base, kind, premise_ptr, premise, weight, target}
   * semantics "dfquad", "qe", "euler" or "hcat"
   * changes   {base: {claimIndex: score}, removed: {claimIndex: true}} (either may be left out)
   * options   {tol, maxIter, h, maxSteps}, by default Python's evaluate()'s
   *
   * Returns {scores, converged, iterations, residual, method}: scores[i] is
   * claim i's strength (null for a removed claim), the rest as in Python's
   * GradualResult.
   */
  function strengths(fw, semantics, changes, options) {
    if (!Object.prototype.hasOwnProperty.call(GRADUAL, semantics)) {
      throw new Error("unknown gradual semantics " + JSON.stringify(semantics) + " (known: " + SEMANTICS.join(", ") + ")");
    }
    var sem = GRADUAL[semantics], o = {}, key;
    for (key in DEFAULTS) o[key] = options && options[key] !== undefined ? options[key] : DEFAULTS[key];
    var a = compile(fw, changes), order = topologicalOrder(a), t = makeUpdate(a, sem), result;
    if (order) {
      var reached = exact(t.update, t.x0);
      result = reached ? done(reached.x, true, reached.iterations, 0.0, "exact") : onePass(a, sem, order);
    } else {
      result = drive(t.update, t.x0, o);
    }
    var scores = [];
    for (var i = 0; i < fw.claims.length; i++) scores.push(null);
    for (i = 0; i < a.n; i++) scores[a.keep[i]] = result.x[i];
    return {scores: scores, converged: result.converged, iterations: result.iterations,
            residual: result.residual, method: result.method};
  }

  /** Claim indices from strongest to weakest, ties by id (GradualResult.ranking); removed claims left out. */
  function ranking(fw, scores) {
    var out = [];
    for (var i = 0; i < scores.length; i++) if (scores[i] !== null) out.push(i);
    return out.sort(function (p, q) {
      if (scores[p] !== scores[q]) return scores[q] - scores[p];
      return fw.claims[p] < fw.claims[q] ? -1 : fw.claims[p] > fw.claims[q] ? 1 : 0;
    });
  }

  var SEMANTICS = ["dfquad", "qe", "euler", "hcat"];
  var TITLES = {};
  SEMANTICS.forEach(function (name) { TITLES[name] = GRADUAL[name].title; });

  root.argmapSemantics = {
    strengths: strengths, ranking: ranking, SEMANTICS: SEMANTICS, TITLES: TITLES, DEFAULTS: DEFAULTS
  };
})(window);
