// Runs static/js/field/rules.js over the cases test_rules_js.py writes, in one node process.
// Usage: node rules_js_runner.mjs RULES_JS CASES_JSON; prints one result per case as JSON.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";

const [rulesPath, casesPath] = process.argv.slice(2);
const rules = createRequire(import.meta.url)(resolve(rulesPath));
const cases = JSON.parse(readFileSync(casesPath, "utf8"));

function run({ checklist, answers, notes, photos, probes }) {
  const problems = Object.fromEntries(
    Object.entries(answers).map(([key, answer]) => [
      key,
      rules.validateAnswer(checklist, key, answer),
    ]),
  );
  const out = {
    visible: rules.visibleItems(checklist, answers),
    problems,
    probes: probes.map(([key, answer]) => rules.validateAnswer(checklist, key, answer)),
  };
  try {
    out.score = rules.score(checklist, answers);
    out.missing = rules.missingEvidence(checklist, answers, notes, photos);
  } catch (error) {
    if (!error.problems) throw error;
    out.refused = error.problems;
  }
  return out;
}

process.stdout.write(JSON.stringify(cases.map(run)));
