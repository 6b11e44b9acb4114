/* Sidak: the checklist rules on the phone, so that an inspector offline sees what the server
   will decide. Each part mirrors one Python function (named beside it) and
   tests/domain/test_rules_js.py runs both on the same random inspections and demands identical
   results: change both or neither.

   Input: the checklist as versioning.canonical_dict gives it, and answers keyed by item id in
   the form the phone sends them ({value, observed, compliant, number: "37,5", na}).
   Exact arithmetic on BigInt fractions, never floats. BigInt is called, never written as a
   literal, so the file still parses where BigInt is missing (`SidakRules.supported` is false). */
(function () {
  "use strict";
  var B = typeof BigInt === "function" ? BigInt : null;
  var ZERO = B && B(0), ONE = B && B(1), TWO = B && B(2), TEN = B && B(10);
  var SPACE = "[\\t-\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]";
  var EDGES = new RegExp("^" + SPACE + "+|" + SPACE + "+$", "g");  /* Python's str.strip() */
  var FIELDS = {yesno: ["value"], choice: ["value"], text: ["value"], photo: ["value"],
                count: ["observed", "compliant"], number: ["number"]};
  var MESSAGES = {  /* domain/scoring/validation.py */
    A101: ["Butir '{item}' tidak ada di daftar periksa ini", "Item '{item}' is not in this checklist"],
    A104: ["Butir '{item}' tidak boleh dijawab tidak berlaku (N/A)",
           "Item '{item}' does not allow not applicable (N/A)"],
    A105: ["Jawaban '{item}' tidak berlaku (N/A) tetapi juga berisi nilai: pilih salah satu",
           "Answer to '{item}' is N/A but also holds a value: choose one"],
    A106: ["Butir '{item}' dijawab ya atau tidak, bukan '{value}'",
           "Item '{item}' is answered yes or no, not '{value}'"],
    A107: ["Butir '{item}' butuh jumlah diamati dan jumlah patuh",
           "Item '{item}' needs both the number observed and the number complying"],
    A108: ["Jumlah pada butir '{item}' harus bilangan bulat 0 atau lebih, bukan '{value}'",
           "Counts of item '{item}' must be whole numbers of 0 or more, not '{value}'"],
    A109: ["Butir '{item}': {compliant} patuh dari {observed} diamati; patuh tidak boleh melebihi diamati",
           "Item '{item}': {compliant} complying of {observed} observed; complying cannot exceed observed"],
    A110: ["Butir '{item}' butuh angka yang pasti, bukan '{value}'",
           "Item '{item}' needs an exact number, not '{value}'"],
    A111: ["Butir '{item}': {value} di luar rentang yang diizinkan ({low} sampai {high})",
           "Item '{item}': {value} is outside the allowed range ({low} to {high})"],
    A112: ["Butir '{item}' tidak punya pilihan '{value}'; pilihan: {options}",
           "Item '{item}' has no option '{value}'; options: {options}"],
    A113: ["Butir '{item}' ({type}) tidak memakai isian {fields}",
           "Item '{item}' ({type}) does not use the field(s) {fields}"]
  };

  function own(map, key) { return map != null && Object.prototype.hasOwnProperty.call(map, key); }
  function strip(text) { return text.replace(EDGES, ""); }

  /* Fractions {n, d}: d > 0, lowest terms, like Python's Fraction. */
  function gcd(a, b) {
    if (a < ZERO) a = -a;
    while (b) { var t = a % b; a = b; b = t; }
    return a;
  }
  function frac(n, d) {
    if (d === undefined) d = ONE;
    if (d < ZERO) { n = -n; d = -d; }
    var g = gcd(n, d) || ONE;
    return {n: n / g, d: d / g};
  }
  function parse(text) {  /* "7/10", "3" as canonical_dict writes them */
    if (text == null) return null;
    var parts = String(text).split("/");
    return frac(B(parts[0]), B(parts[1] || 1));
  }
  function add(a, b) { return frac(a.n * b.d + b.n * a.d, a.d * b.d); }
  function mul(a, b) { return frac(a.n * b.n, a.d * b.d); }
  function cmp(a, b) { var x = a.n * b.d, y = b.n * a.d; return x < y ? -1 : x > y ? 1 : 0; }
  function show(f) { return f.d === ONE ? String(f.n) : f.n + "/" + f.d; }

  /* rounding.round_half_up: ties away from zero, on the exact fraction, as a decimal string */
  function roundHalfUp(f, places) {
    var scale = TEN ** B(places), n = f.n < ZERO ? -f.n : f.n;
    var units = (TWO * n * scale + f.d) / (TWO * f.d), digits = String(units);
    while (digits.length < places + 1) digits = "0" + digits;
    var sign = f.n < ZERO && units ? "-" : "";
    return sign + (places ? digits.slice(0, -places) + "." + digits.slice(-places) : digits);
  }
  function formatNumber(f) {  /* rounding.format_number(value, "en") */
    if (f.d === ONE) return String(f.n);
    for (var places = 1; places < 5; places++) {
      if ((TEN ** B(places)) % f.d === ZERO) return roundHalfUp(f, places);
    }
    return "≈" + roundHalfUp(f, 2);
  }

  /* A decimal typed on a phone, as drafts._parse_number reads it; null when it is none.
     Exponents past 999 are refused here: no measurement needs them. */
  function decimal(text) {
    var cleaned = strip(text).replace(/,/g, ".");
    var m = cleaned.length <= 30 &&
      /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(cleaned.replace(/_/g, ""));
    if (!m || !(m[2] || m[3])) return null;
    if (Math.abs(Number(m[4] || 0)) > 999) return null;
    var fraction = m[3] || "", exponent = Number(m[4] || 0) - fraction.length;
    var n = B(m[1] + (m[2] || "0") + fraction), scale = TEN ** B(Math.abs(exponent));
    return exponent < 0 ? frac(n, scale) : frac(n * scale);
  }
  function whole(value) {  /* api_routes._answer_input: a count as int; -1 when it is not one */
    if (value === null || value === undefined || value === "") return null;
    if (typeof value === "number" && Number.isInteger(value)) return B(value);
    if (typeof value !== "string") return B(-1);
    var text = strip(value);
    return /^[+-]?\d+(_\d+)*$/.test(text) ? B(text.replace(/_/g, "")) : B(-1);
  }
  /* The answer the server would build from the phone's (api_routes + drafts._answer). */
  function answerOf(wire) {
    wire = wire && typeof wire === "object" ? wire : {};
    var raw = wire.number, text = raw == null || raw === "" ? null : String(raw);
    return {
      value: (typeof wire.value === "string" && strip(wire.value)) || null,
      observed: whole(wire.observed),
      compliant: whole(wire.compliant),
      number: text === null ? null : strip(text),
      exact: text === null ? null : decimal(text),
      na: wire.na === true
    };
  }
  function isAnswered(a) {  /* visibility.is_answered */
    return !!a && (a.na || a.value !== null || a.observed !== null || a.compliant !== null ||
                   a.number !== null);
  }
  function parseAll(answers) {
    var parsed = Object.create(null);
    Object.keys(answers || {}).forEach(function (key) { parsed[key] = answerOf(answers[key]); });
    return parsed;
  }

  function itemsOf(checklist) {
    var all = [];
    checklist.sections.forEach(function (s) { all.push.apply(all, s.items); });
    return all;
  }
  function isScored(item) { return item.scored && item.type !== "text" && item.type !== "photo"; }

  /* visibility.visible_items: the same recursion, so that cycles resolve the same way */
  function shownMap(checklist, parsed) {
    var items = Object.create(null), known = Object.create(null), pending = Object.create(null);
    var all = itemsOf(checklist);
    all.forEach(function (item) { items[item.id] = item; });
    function matches(a, values) {
      return isAnswered(a) && !a.na && a.value !== null && values.indexOf(a.value) >= 0;
    }
    function resolve(id) {
      if (id in known) return known[id];
      var item = items[id];
      if (!item || pending[id]) return false;
      if (!item.show_if) return (known[id] = true);
      pending[id] = true;
      var on = item.show_if.item;
      var shown = resolve(on) && matches(parsed[on], item.show_if.values);
      delete pending[id];
      return (known[id] = shown);
    }
    all.forEach(function (item) { resolve(item.id); });
    return known;
  }
  function visibleItems(checklist, answers) {
    var known = shownMap(checklist, parseAll(answers));
    return itemsOf(checklist).filter(function (i) { return known[i.id]; }).map(function (i) { return i.id; });
  }

  /* validation.NUMBER_LIMIT / NUMBER_PLACES: below 10^12, at most 6 decimal places */
  function plainNumber(f) {
    var n = f.n < ZERO ? -f.n : f.n;
    return n < B(1000000000000) * f.d && B(1000000) % f.d === ZERO;
  }

  /* validation._answer_problems: the first problem of each kind, as [code, fields] */
  function problemsOf(item, a) {
    var set = ["compliant", "number", "observed", "value"].filter(function (f) { return a[f] !== null; });
    var extra = set.filter(function (f) { return FIELDS[item.type].indexOf(f) < 0; });
    if (a.na) {
      var found = item.allow_na ? [] : [["A104", {}]];
      return set.length ? found.concat([["A105", {}]]) : found;
    }
    if (extra.length) return [["A113", {type: item.type, fields: extra.join(", ")}]];
    if (item.type === "yesno" && a.value !== "yes" && a.value !== "no") return [["A106", {value: a.value}]];
    if (item.type === "choice" && !optionOf(item, a.value)) {
      var values = item.options.map(function (o) { return o.value; }).join(", ");
      return [["A112", {value: a.value, options: values}]];
    }
    if (item.type === "count") {
      if (a.observed === null || a.compliant === null) return [["A107", {}]];
      var wrong = [a.compliant, a.observed].filter(function (n) { return n < ZERO; });
      if (wrong.length) return [["A108", {value: wrong[0]}]];
      if (a.compliant > a.observed) return [["A109", {compliant: a.compliant, observed: a.observed}]];
    }
    if (item.type === "number") {
      if (a.exact === null || !plainNumber(a.exact)) return [["A110", {value: a.number}]];
      var low = parse(item.minimum), high = parse(item.maximum);
      if ((low && cmp(a.exact, low) < 0) || (high && cmp(a.exact, high) > 0)) {
        return [["A111", {value: formatNumber(a.exact), low: low ? formatNumber(low) : "-∞",
                          high: high ? formatNumber(high) : "∞"}]];
      }
    }
    return [];
  }
  function problem(key, code, fields) {
    fields.item = key;
    var say = function (template) {
      return template.replace(/\{(\w+)\}/g, function (_, name) { return String(fields[name]); });
    };
    return {item: key, code: code, message_id: say(MESSAGES[code][0]), message_en: say(MESSAGES[code][1])};
  }
  function validateAnswer(checklist, itemId, answer) {
    var item = itemsOf(checklist).filter(function (i) { return i.id === itemId; })[0];
    if (!item) return [problem(itemId, "A101", {})];
    var a = answerOf(answer);
    if (!isAnswered(a)) return [];
    return problemsOf(item, a).map(function (p) { return problem(itemId, p[0], p[1]); });
  }

  /* scoring/items.evaluate: [status, credit] */
  function optionOf(item, value) {
    return item.options.filter(function (o) { return o.value === String(value); })[0];
  }
  function evaluate(item, a, visible) {
    if (!visible) return ["hidden"];
    if (item.type === "text" || item.type === "photo") return ["unscored"];
    if (!isAnswered(a)) return ["missing"];
    if (a.na) return ["na"];
    if (!item.scored) return ["unscored"];  /* informational: answered, never counted */
    if (item.type === "count" && a.observed === ZERO) return ["na"];
    var credit, passed;
    if (item.type === "yesno") passed = a.value === item.expect;
    if (item.type === "count") {
      credit = frac(a.compliant, a.observed);
      passed = cmp(credit, item.pass_ratio == null ? frac(ONE) : parse(item.pass_ratio)) >= 0;
    }
    if (item.type === "number") {
      passed = (item.pass_min == null || cmp(a.exact, parse(item.pass_min)) >= 0) &&
               (item.pass_max == null || cmp(a.exact, parse(item.pass_max)) <= 0);
    }
    if (item.type === "choice") {
      var option = optionOf(item, a.value);
      credit = parse(option.score);
      passed = option.passed;
    }
    return [passed ? "pass" : "fail", credit || frac(passed ? ONE : ZERO)];
  }

  /* engine.group_score: 100 x earned / possible, rounded once; null when nothing counted */
  function groupScore(results) {
    var earned = frac(ZERO), possible = frac(ZERO);
    results.forEach(function (r) {
      if (!r.credit) return;
      earned = add(earned, mul(r.weight, r.credit));
      possible = add(possible, r.weight);
    });
    return possible.n === ZERO ? null : roundHalfUp(frac(earned.n * B(100) * possible.d, earned.d * possible.n), 1);
  }

  /* engine.score_inspection; throws an Error with `problems` (every one) on invalid answers */
  function score(checklist, answers) {
    var problems = [];
    Object.keys(answers || {}).forEach(function (key) {
      problems.push.apply(problems, validateAnswer(checklist, key, answers[key]));
    });
    if (problems.length) {
      var error = new Error(problems.length + " invalid answer(s)");
      error.problems = problems;
      throw error;
    }
    var parsed = parseAll(answers), known = shownMap(checklist, parsed);
    var all = [], result = {items: {}, sections: {}, categories: {}, criticalFailures: [], missing: []};
    checklist.sections.forEach(function (section) {
      var results = section.items.map(function (item) {
        var o = evaluate(item, parsed[item.id], known[item.id]);
        result.items[item.id] = {status: o[0], credit: o[1] ? show(o[1]) : null};
        if (o[0] === "fail" && item.critical) result.criticalFailures.push(item.id);
        if (o[0] === "missing") result.missing.push(item.id);
        return {item: item, weight: parse(item.weight), credit: o[1]};
      });
      result.sections[section.id] = groupScore(results);
      all.push.apply(all, results);
    });
    /* categories in the order of first use; the page knows the catalogue's order and titles */
    all.forEach(function (r) {
      var key = r.item.category;
      if (!isScored(r.item) || own(result.categories, key)) return;
      result.categories[key] = groupScore(all.filter(function (x) { return x.item.category === key; }));
    });
    result.total = groupScore(all);
    result.grade = grade(checklist, result.total, result.criticalFailures);
    return result;
  }
  function grade(checklist, total, critical) {
    var grades = checklist.grades;
    if (critical.length) return grades[grades.length - 1].id;
    if (total === null) return null;
    /* the band follows the rounded score people see: 89.95 shows as 90.0 and grades as 90 */
    var shown = decimal(total);
    var band = grades.filter(function (g) { return cmp(shown, parse(g.min)) >= 0; })[0];
    return band ? band.id : null;
  }

  /* drafts.missing_before_submit: unanswered items, and evidence a failed item requires */
  function missingEvidence(checklist, answers, notes, photos) {
    var result = score(checklist, answers), found = [];
    checklist.sections.forEach(function (section, index) {
      section.items.forEach(function (item) {
        var status = result.items[item.id].status, needs = item.evidence_on_fail;
        var note = own(notes, item.id) && typeof notes[item.id] === "string" ? notes[item.id] : "";
        var lacks = function (kind) { found.push({section: index + 1, item: item.id, kind: kind}); };
        if (status === "missing") lacks("answer");
        if (status !== "fail") return;
        if (needs.indexOf("photo") >= 0 && !(own(photos, item.id) && photos[item.id] > 0)) lacks("photo");
        if (needs.indexOf("note") >= 0 && !strip(note)) lacks("note");
      });
    });
    return found;
  }

  var api = {supported: !!B, visibleItems: visibleItems, validateAnswer: validateAnswer,
             score: score, missingEvidence: missingEvidence};
  if (typeof module === "object" && module.exports) module.exports = api;
  if (typeof window !== "undefined") window.SidakRules = api;
  else if (typeof self !== "undefined") self.SidakRules = api;  /* a service worker */
})();
