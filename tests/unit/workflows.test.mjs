// The GitHub workflows (.github/workflows/, and the steps of .github/actions/) run nothing
// that `make test` leaves untried here: every `run:` step is `make <target>` for a target
// that `make test` runs itself (a step of its recipe, or `test`), or one of the commands
// in ALLOWED. So CI cannot fail, or a release publish, on a command no developer ran.
// Also: what each workflow is for (triggers, permissions, jobs), and actions pinned by
// major version. actionlint (make test) checks the rest of their syntax.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const MAKEFILE = readFileSync(path.join(ROOT, 'Makefile'), 'utf8');

/** Commands a workflow may run besides make: publishing the tarball `make package` wrote needs the registry's token, which only a release has. */
const ALLOWED = ['npm publish --provenance --access public target/package/greymatter-*.tgz'];

/** The workflow and action files, each as `{ file, document }`. */
function workflowFiles() {
  const folders = ['.github/workflows', ...readdirSync(path.join(ROOT, '.github/actions')).map((name) => `.github/actions/${name}`)];
  return folders
    .flatMap((folder) =>
      readdirSync(path.join(ROOT, folder))
        .filter((name) => /\.ya?ml$/.test(name))
        .map((name) => `${folder}/${name}`),
    )
    .map((file) => ({ file, document: YAML.parse(readFileSync(path.join(ROOT, file), 'utf8')) }));
}

/** Every step of a workflow's jobs, or of a composite action, with where it is. */
function steps({ file, document }) {
  const jobs = Object.entries(document.jobs ?? {}).flatMap(([name, job]) => (job.steps ?? []).map((step) => ({ where: `${file}, job ${name}`, step })));
  const own = (document.runs?.steps ?? []).map((step) => ({ where: file, step }));
  return [...jobs, ...own];
}

/** The targets the Makefile defines (not its variables). */
function definedTargets(makefile) {
  return new Set([...makefile.matchAll(/^([A-Za-z][\w-]*)\s*:(?!=)/gm)].map((match) => match[1]));
}

/** The targets the recipe of `make test` runs through `$(MAKE) … target`, and `test`. */
function testedTargets(makefile) {
  const recipe = /^test:.*\n((?:\t.*\n|#.*\n)*)/m.exec(makefile)?.[1] ?? '';
  const targets = [...recipe.matchAll(/\$\(MAKE\)(?:\s+-[\w-]+)*\s+([\w-]+)/g)].map((match) => match[1]);
  return new Set(['test', ...targets]);
}

/** What is wrong with a step's `run:` command, or null. */
function runProblem(command, makefile) {
  const text = command.trim();
  if (ALLOWED.includes(text)) return null;
  const words = text.split(/\s+/);
  if (words[0] !== 'make' || /[\n;&|<>`]/.test(text)) return `'${text}' is neither one make command nor an allowed one`;
  const targets = words.slice(1).filter((word) => !/^[A-Z_]+=/.test(word));
  if (targets.length === 0 || targets.some((word) => word.startsWith('-'))) return `'${text}' names no plain make target`;
  const defined = definedTargets(makefile);
  const tested = testedTargets(makefile);
  for (const target of targets) {
    if (!defined.has(target)) return `make ${target}: no such target in the Makefile`;
    if (!tested.has(target)) return `make ${target}: not run by make test`;
  }
  return null;
}

/** Every problem of every `run:` in `files`. */
const problems = (files, makefile = MAKEFILE) =>
  files
    .flatMap(steps)
    .filter(({ step }) => step.run !== undefined)
    .map(({ where, step }) => [where, runProblem(step.run, makefile)])
    .filter(([, problem]) => problem)
    .map(([where, problem]) => `${where}: ${problem}`);

describe('the GitHub workflows', () => {
  const files = workflowFiles();
  const byName = (name) => files.find(({ file }) => file === `.github/workflows/${name}`).document;
  const allRuns = files
    .flatMap(steps)
    .map(({ step }) => step.run)
    .filter(Boolean);

  it('run make targets that make test runs, or an allowed command, and nothing else', () => {
    assert.deepEqual(problems(files), []);
    assert.ok(allRuns.includes('make test') && allRuns.includes('make site'), `runs: ${allRuns}`);
  });

  it('the rule refuses other commands, unknown targets and targets make test skips', () => {
    const workflow = (run) => [{ file: 'x.yml', document: { jobs: { build: { steps: [{ run }] } } } }];
    const refused = (run) => problems(workflow(run)).length === 1;
    for (const run of ['npm run build', 'make fuzz', 'make soak', 'make nothing-like-it', 'make test && rm -rf target', 'make -k test', 'cargo test', 'make']) {
      assert.ok(refused(run), run);
    }
    for (const run of ['make test', 'make site', 'make package', 'make check-tag TAG="$GITHUB_REF_NAME"', ALLOWED[0]]) {
      assert.deepEqual(problems(workflow(run)), [], run);
    }
    // A target the Makefile has but make test does not run.
    assert.deepEqual(problems(workflow('make later'), `${MAKEFILE}\nlater:\n\t@true\n`), ['x.yml, job build: make later: not run by make test']);
  });

  it('ci: make test on every push and pull request, read-only, one run per ref', () => {
    const ci = byName('ci.yml');
    assert.deepEqual(Object.keys(ci.on).sort(), ['pull_request', 'push', 'workflow_call']);
    assert.deepEqual(ci.permissions, { contents: 'read' });
    assert.equal(ci.concurrency['cancel-in-progress'], true);
    assert.match(ci.concurrency.group, /github\.ref/);
    assert.equal(ci.jobs.test['runs-on'], 'ubuntu-latest');
  });

  it('release: on a tag v*, the tag checked, then tests, then npm and Pages', () => {
    const release = byName('release.yml');
    assert.deepEqual(release.on, { push: { tags: ['v*'] } });
    assert.deepEqual(release.permissions, { contents: 'read' });
    const { tag, test, npm, pages } = release.jobs;
    assert.ok(tag.steps.some((step) => step.run === 'make check-tag TAG="$GITHUB_REF_NAME"'));
    assert.deepEqual([test.needs, test.uses], ['tag', './.github/workflows/ci.yml']);
    assert.deepEqual([npm.needs, pages.needs], ['test', 'test']);
    assert.equal(npm.permissions['id-token'], 'write');
    const publish = npm.steps.find((step) => step.run?.startsWith('npm publish'));
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a template
    assert.equal(publish.env.NODE_AUTH_TOKEN, '${{ secrets.NPM_TOKEN }}');
    const npmRuns = npm.steps.map((step) => step.run).filter(Boolean);
    assert.ok(npmRuns.indexOf('make package') < npmRuns.indexOf('make check-tag TAG="$GITHUB_REF_NAME"'), 'the tarball is checked against the tag');
    assert.ok(npmRuns.at(-1).startsWith('npm publish'), 'publishing comes last');
    assert.deepEqual([pages.permissions.pages, pages.permissions['id-token'], pages.environment.name], ['write', 'write', 'github-pages']);
    const uses = pages.steps.map((step) => step.uses?.replace(/@.*/, '')).filter(Boolean);
    assert.deepEqual(uses.slice(-3), ['actions/configure-pages', 'actions/upload-pages-artifact', 'actions/deploy-pages']);
    assert.equal(pages.steps.find((step) => step.uses?.startsWith('actions/upload-pages-artifact')).with.path, 'target/site');
  });

  it('pin every action by its major version, or use one of this repository', () => {
    const uses = files
      .flatMap(steps)
      .map(({ step }) => step.uses)
      .filter(Boolean);
    assert.ok(uses.length > 0);
    for (const action of uses) assert.match(action, /^(\.\/\.github\/actions\/[\w-]+|[\w-]+\/[\w-]+@v\d+)$/, action);
  });
});
