import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STUDIO_DIST } from '../../engine/http/studio-routes.js';
import { buildStudioIfStale } from '../../studio/build-if-stale.js';
import { dynamicKey, entryKey, gzipSizes, readManifest, staticClosure } from './support/bundle-sizes.js';

/**
 * The sign-in page plus the home page: everything the entry needs before it runs. 251 KB since the
 * objects' icons joined the navigation (the icons shared by the shell and the icon chunk are split
 * into chunks of their own: +0.3 KB); 252 KB since the home page shows the home dashboard of the
 * user's role or app (a lazy chunk, but its import and the list of files it preloads are in the
 * entry: +0.4 KB, 251.4 KB when measured) and the import wizard's route (its entry in the route
 * table, +0.15 KB, the page itself loads lazily); the next cut is the header's dropdowns (11.6 KB,
 * loaded lazily).
 */
const FIRST_LOAD_BUDGET = 252 * 1024;
/** The pages (and the command palette) loaded on demand, each its own chunk (with what it shares with the others). */
const LAZY_ROUTES = [
  'src/app/list/list-page.tsx',
  'src/app/record/record-page.tsx',
  'src/app/record/new-record-page.tsx',
  'src/app/import/import-page.tsx',
  'src/app/account/user-pages.ts',
  'src/app/approvals/inbox-page.tsx',
  'src/app/home/waiting-for-me.tsx',
  'src/app/search/command-palette.tsx',
  'src/app/setup/setup-layout.tsx',
  'src/app/setup/objects/object-list-page.tsx',
  'src/app/setup/objects/object-editor-page.tsx',
  'src/app/setup/users/user-list-page.tsx',
  'src/app/setup/roles/role-page.tsx',
  'src/app/setup/groups/group-list-page.tsx',
  'src/app/setup/approval-processes/approval-process-list-page.tsx',
  'src/app/setup/approval-processes/approval-process-page.tsx',
  'src/app/dashboards/dashboard-page.tsx',
  'src/app/dashboards/home-dashboard.tsx',
  'src/app/setup/reports/report-list-page.tsx',
  'src/app/setup/dashboards/dashboard-list-page.tsx',
];

/**
 * The expression editor's CodeMirror 6 (with @uiw/react-codemirror's basic setup), loaded only when
 * an expression is edited: 130.8 KB gzipped when measured.
 */
const CODE_EDITOR = 'src/app/setup/expressions/expression-code-editor.tsx';
const CODE_EDITOR_BUDGET = 135 * 1024;
/** The setup chunks that open an expression editor, which must not carry CodeMirror themselves. */
const EXPRESSION_PAGES = ['src/app/setup/setup-layout.tsx', 'src/app/setup/objects/object-editor-page.tsx'];

/**
 * The approval designer's diagram: @xyflow/react in a chunk loaded only when a process is drawn,
 * and ELK (compiled from Java: 450 KB of it) in a worker file that chunk starts; neither in the
 * first load nor in the setup chunks.
 */
const DIAGRAM_CHUNK = 'src/app/setup/approval-processes/process-diagram.tsx';
const DIAGRAM_BUDGET = 80 * 1024;
const ELK_WORKER_BUDGET = 460 * 1024;

/**
 * The dashboards' charts: echarts' core with the five chart types dashboards draw and the SVG
 * renderer only (report-chart.tsx imports each from 'echarts/core', 'echarts/charts' ...), in a
 * chunk loaded by the first chart shown: 189.7 KB gzipped when measured.
 */
const CHART_CHUNK = 'src/app/reports/report-chart.tsx';
const CHART_BUDGET = 200 * 1024;
/** Where charts are shown or built, which must not carry echarts themselves. */
const CHART_PAGES = ['src/app/dashboards/dashboard-page.tsx', 'src/app/dashboards/home-dashboard.tsx', 'src/app/setup/setup-layout.tsx', 'src/app/setup/reports/report-list-page.tsx', 'src/app/setup/dashboards/dashboard-list-page.tsx'];

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

describe('web app bundle budget', function () {
  this.timeout(180_000);
  before(async () => {
    await buildStudioIfStale();
  });

  it('keeps the JavaScript of sign-in and home within 252 KB gzipped', () => {
    const manifest = readManifest(STUDIO_DIST);
    const sizes = gzipSizes(STUDIO_DIST, staticClosure(manifest, entryKey(manifest)));
    const total = sizes.reduce((sum, chunk) => sum + chunk.gzip, 0);
    const listing = sizes.map((chunk) => `${chunk.file} ${kb(chunk.gzip)}`).join(', ');
    expect(total, `first load ${kb(total)}: ${listing}`).to.be.at.most(FIRST_LOAD_BUDGET);
  });

  it('loads every other route as its own chunk, outside the first load', () => {
    const manifest = readManifest(STUDIO_DIST);
    const first = new Set(staticClosure(manifest, entryKey(manifest)));
    for (const route of LAZY_ROUTES) {
      const chunk = manifest[dynamicKey(manifest, route)]!;
      expect(first.has(chunk.file), `${route} is in the first load`).to.equal(false);
    }
    // The heavy parts never load with sign-in: OpenCC's dictionaries (a lazy chunk of their own) and
    // the form library (rjsf's uiSchema keys appear in no first-load file).
    const opencc = Object.entries(manifest).find(([key]) => key.includes('opencc-js'));
    expect(opencc, 'OpenCC is a chunk of its own').to.not.equal(undefined);
    expect(first.has(opencc![1].file)).to.equal(false);
    for (const file of first) expect(readFileSync(join(STUDIO_DIST, file), 'utf8'), `${file} holds rjsf`).to.not.include('ui:submitButtonOptions');
  });

  it('loads the expression editor as a chunk of its own, outside the first load and the setup chunks, within 135 KB gzipped', () => {
    const manifest = readManifest(STUDIO_DIST);
    const editor = manifest[dynamicKey(manifest, CODE_EDITOR)]!;
    const first = new Set(staticClosure(manifest, entryKey(manifest)));
    expect(first.has(editor.file), 'CodeMirror is in the first load').to.equal(false);
    for (const page of EXPRESSION_PAGES) {
      const closure = staticClosure(manifest, dynamicKey(manifest, page));
      expect(closure, `${page} loads CodeMirror with it`).to.not.include(editor.file);
      for (const file of closure) expect(readFileSync(join(STUDIO_DIST, file), 'utf8'), `${file} holds CodeMirror`).to.not.include('cm-content');
    }
    const [size] = gzipSizes(STUDIO_DIST, [editor.file]);
    expect(size!.gzip, `expression editor ${kb(size!.gzip)}`).to.be.at.most(CODE_EDITOR_BUDGET);
  });

  it(`loads the approval diagram (xyflow and elkjs) lazily, within ${DIAGRAM_BUDGET / 1024} KB gzipped, outside the setup chunks`, () => {
    const manifest = readManifest(STUDIO_DIST);
    const first = new Set(staticClosure(manifest, entryKey(manifest)));
    const setup = new Set(['src/app/setup/setup-layout.tsx', 'src/app/setup/approval-processes/approval-process-page.tsx'].flatMap((route) => staticClosure(manifest, dynamicKey(manifest, route))));
    const diagram = staticClosure(manifest, dynamicKey(manifest, DIAGRAM_CHUNK));
    const own = diagram.filter((file) => !first.has(file) && !setup.has(file));
    const sizes = gzipSizes(STUDIO_DIST, own);
    const total = sizes.reduce((sum, chunk) => sum + chunk.gzip, 0);
    expect(total, `diagram ${kb(total)}: ${sizes.map((chunk) => `${chunk.file} ${kb(chunk.gzip)}`).join(', ')}`).to.be.at.most(DIAGRAM_BUDGET);
    // The libraries themselves are in the diagram's own files: neither the first load nor the designer page holds them.
    const holds = (file: string, marker: string) => readFileSync(join(STUDIO_DIST, file), 'utf8').includes(marker);
    for (const file of [...first, ...setup]) {
      expect(holds(file, 'react-flow__viewport'), `${file} holds @xyflow/react`).to.equal(false);
      expect(holds(file, 'org.eclipse.elk'), `${file} holds elkjs`).to.equal(false);
    }
    expect(
      own.some((file) => holds(file, 'react-flow__viewport')),
      'xyflow is in the diagram chunk',
    ).to.equal(true);
    const worker = Object.entries(manifest).find(([key]) => key.endsWith('elkjs/lib/elk-worker.min.js'))?.[1].file;
    expect(worker, 'ELK is a worker file of its own').to.be.a('string');
    expect(manifest[dynamicKey(manifest, DIAGRAM_CHUNK)]!.assets ?? [], 'started by the diagram chunk').to.include(worker);
    const [elk] = gzipSizes(STUDIO_DIST, [worker!]);
    expect(elk!.gzip, `ELK worker ${kb(elk!.gzip)}`).to.be.at.most(ELK_WORKER_BUDGET);
  });

  it(`loads echarts only with the first chart, within ${CHART_BUDGET / 1024} KB gzipped, outside the first load and the pages that show charts`, () => {
    const manifest = readManifest(STUDIO_DIST);
    const chart = manifest[dynamicKey(manifest, CHART_CHUNK)]!;
    const first = new Set(staticClosure(manifest, entryKey(manifest)));
    expect(first.has(chart.file), 'echarts is in the first load').to.equal(false);
    const holdsEcharts = (file: string) => readFileSync(join(STUDIO_DIST, file), 'utf8').includes('ECharts');
    for (const file of first) expect(holdsEcharts(file), `${file} holds echarts`).to.equal(false);
    for (const page of CHART_PAGES) {
      const closure = staticClosure(manifest, dynamicKey(manifest, page));
      expect(closure, `${page} loads echarts with it`).to.not.include(chart.file);
      for (const file of closure) expect(holdsEcharts(file), `${file} holds echarts`).to.equal(false);
    }
    const [size] = gzipSizes(STUDIO_DIST, [chart.file]);
    expect(size!.gzip, `charts ${kb(size!.gzip)}`).to.be.at.most(CHART_BUDGET);
  });
});
