import { useI18n } from '../i18n/i18n-context.js';

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** Shown after the value, e.g. "3 批 · 620 张". */
  detail?: string;
}

interface Props {
  title: string;
  bars: readonly Bar[];
  /** Appended to the value when there is no detail, e.g. "张". */
  unit?: string;
}

/**
 * Horizontal bars drawn with SVG, one list item per bar: a screen reader reads the label and
 * the number as text, so the chart needs no separate data table.
 */
export function BarChart({ title, bars, unit }: Props) {
  // Digit grouping of the interface language, not of the browser.
  const { lang } = useI18n();
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <figure className="bar-chart">
      <figcaption className="bar-chart-title">{title}</figcaption>
      <ul className="bar-chart-rows">
        {bars.map((bar) => (
          <li key={bar.key} className="bar-chart-row">
            <span className="bar-chart-label">{bar.label}</span>
            <svg
              className="bar-chart-track"
              viewBox="0 0 100 10"
              preserveAspectRatio="none"
              aria-hidden="true"
              focusable="false"
            >
              <rect x="0" y="0" width="100" height="10" className="bar-chart-bg" />
              <rect
                x="0"
                y="0"
                width={(bar.value / max) * 100}
                height="10"
                className="bar-chart-fill"
              />
            </svg>
            <span className="bar-chart-value">
              {bar.detail ?? `${bar.value.toLocaleString(lang)}${unit ? ` ${unit}` : ''}`}
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
