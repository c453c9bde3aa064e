import { useEffect, type RefObject } from 'react';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
} from 'chart.js';
import type { HistoryChartConfig } from '../history/charts';

// Only what the History charts use, so the rest of Chart.js is left out of the bundle.
Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
);

/**
 * Draws `config` on the canvas, and redraws when it changes. Chart.js sizes the canvas through
 * `element.style` (CSSOM, which the page's `style-src 'self'` allows) and injects no stylesheet.
 * Before printing it resizes to the printed box, so charts are not cut off on paper.
 */
export function useChart(
  canvasRef: RefObject<HTMLCanvasElement | null>,
  config: HistoryChartConfig,
): void {
  useEffect(() => {
    const canvas = canvasRef.current;
    if (canvas === null) return;
    const chart = new Chart(canvas, config);
    const resize = (): void => {
      chart.resize();
    };
    window.addEventListener('beforeprint', resize);
    return () => {
      window.removeEventListener('beforeprint', resize);
      chart.destroy();
    };
  }, [canvasRef, config]);
}
