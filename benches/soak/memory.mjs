// What the soak run measures of the browser's memory: the resident set (RSS, from
// /proc/<pid>/status) of every process of the Chromium it drives — the renderer that
// runs the page (JS, the wasm core's memory, the canvases) and the whole browser — and
// the page's JS heap (CDP Performance.getMetrics), each after a forced garbage collection.

import { readFileSync } from 'node:fs';

/** VmRSS of process `pid` in bytes, or 0 when it has gone. */
function rssOf(pid) {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmRSS:'));
    return line ? Number(line.split(/\s+/)[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * One sample of `page` (a playwright page of `browser`): `{ at, rendererRss, totalRss,
 * jsHeapUsed, jsHeapTotal, processes }`, sizes in bytes. `at` is milliseconds since `startedAt`.
 */
export async function sampleMemory(browser, page, startedAt) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name) => metrics.find((m) => m.name === name)?.value ?? NaN;
    const system = await browser.newBrowserCDPSession();
    const { processInfo } = await system.send('SystemInfo.getProcessInfo');
    await system.detach();
    const rss = processInfo.map((p) => ({ type: p.type, pid: p.id, rss: rssOf(p.id) }));
    const sum = (list) => list.reduce((total, p) => total + p.rss, 0);
    return {
      at: Date.now() - startedAt,
      rendererRss: sum(rss.filter((p) => p.type === 'renderer')),
      totalRss: sum(rss),
      jsHeapUsed: metric('JSHeapUsedSize'),
      jsHeapTotal: metric('JSHeapTotalSize'),
      processes: rss,
    };
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** Installs, before the page's scripts run, an observer that hands each long task's duration to `window.soakLongTask`. */
export function observeLongTasks() {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.soakLongTask?.(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
}
