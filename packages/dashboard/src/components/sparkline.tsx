export interface SparklineProps {
  readonly label: string;
  /** Nulls are gaps (no data in that bucket). */
  readonly values: readonly (number | null)[];
  readonly width?: number;
  readonly height?: number;
}

/** A small inline SVG line chart; its label doubles as the accessible name. */
export function Sparkline({ label, values, width = 240, height = 48 }: SparklineProps) {
  const max = Math.max(1, ...values.map((value) => value ?? 0));
  const step = values.length > 1 ? width / (values.length - 1) : width;
  const points = values
    .map((value, index) =>
      value === null
        ? null
        : `${(index * step).toFixed(1)},${(height - 2 - ((height - 4) * value) / max).toFixed(1)}`,
    )
    .filter((point) => point !== null);
  return (
    <figure class="chart">
      <svg
        role="img"
        aria-label={label}
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
      >
        <polyline points={points.join(' ')} fill="none" stroke="currentColor" stroke-width="1.5" />
      </svg>
      <figcaption>
        {label} <span class="muted">(max {formatNumber(max)})</span>
      </figcaption>
    </figure>
  );
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}
