'use client';
// The one chart of the app, on Recharts: lines, areas or bars over a numeric or time x-axis, with optional value
// bands (slow/good/fast), shaded x-ranges (pauses) and markers. Every chart on every page goes through this wrapper,
// so they share colours, axes, tooltips and accessibility (a labelled figure with a text summary).
import type { ReactNode } from 'react';
import { Area, Bar, CartesianGrid, ComposedChart, Line, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export type ChartColor = 'accent' | 'emerald' | 'amber' | 'red' | 'sky' | 'zinc';

const COLORS: Record<ChartColor, string> = {
  accent: '#4f46e5',
  emerald: '#059669',
  amber: '#d97706',
  red: '#dc2626',
  sky: '#0284c7',
  zinc: '#71717a',
};

export type ChartSeries<T> = { key: keyof T & string; label: string; kind?: 'line' | 'area' | 'bar'; color?: ChartColor; dots?: boolean };
/** A horizontal band of y values, e.g. the good pace range. */
export type ChartBand = { from: number; to: number; label: string; color: ChartColor };
/** A shaded range of x values, e.g. a pause. */
export type ChartSpan = { from: number; to: number; label?: string; color?: ChartColor };
export type ChartMarker = { at: number; label?: string; color?: ChartColor };

type Axis = { key?: string; type?: 'number' | 'time'; label?: string; format?: (value: number) => string; domain?: [number | 'auto', number | 'auto']; ticks?: number[] };

export type ChartProps<T extends Record<string, unknown>> = {
  data: T[];
  x: Axis & { key: keyof T & string };
  y?: Omit<Axis, 'key' | 'type'>;
  series: ChartSeries<T>[];
  bands?: ChartBand[];
  spans?: ChartSpan[];
  markers?: ChartMarker[];
  height?: number;
  /** A sparkline: no axes, grid or tooltip. */
  compact?: boolean;
  /** The figure's accessible name. */
  title: string;
  /** What the chart shows, in words, for screen readers (and anyone who cannot read the picture). */
  summary: ReactNode;
  /** Called with the x value under the pointer when the chart is clicked (e.g. to seek the recording). */
  onSelectX?: (x: number) => void;
  className?: string;
};

const DATE = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric' });
const formatX = (axis: Axis) => axis.format ?? (axis.type === 'time' ? (v: number) => DATE.format(new Date(v)) : (v: number) => String(v));

export function Chart<T extends Record<string, unknown>>(props: ChartProps<T>) {
  const { compact = false, height = compact ? 36 : 240 } = props;
  const xFormat = formatX(props.x);
  const yFormat = props.y?.format ?? ((v: number) => String(v));
  return (
    <figure className={props.className} aria-label={props.title} role="figure">
      <div style={{ height }} className="w-full">
        <ResponsiveContainer width="100%" height="100%" minWidth={0}>
          <ComposedChart
            data={props.data as Record<string, unknown>[]}
            margin={compact ? { top: 2, right: 2, bottom: 2, left: 2 } : { top: 8, right: 12, bottom: props.x.label ? 18 : 4, left: 0 }}
            onClick={props.onSelectX ? (state) => typeof state.activeLabel === 'number' && props.onSelectX!(state.activeLabel) : undefined}
            style={props.onSelectX ? { cursor: 'pointer' } : undefined}
            accessibilityLayer={!compact}
          >
            {!compact && <CartesianGrid stroke="#e4e4e7" strokeDasharray="3 3" vertical={false} />}
            <XAxis
              dataKey={props.x.key as string}
              type="number"
              scale={props.x.type === 'time' ? 'time' : 'linear'}
              domain={props.x.domain ?? ['dataMin', 'dataMax']}
              tickFormatter={xFormat}
              hide={compact}
              tick={{ fontSize: 12, fill: '#71717a' }}
              tickLine={false}
              axisLine={{ stroke: '#d4d4d8' }}
              minTickGap={24}
              label={props.x.label && !compact ? { value: props.x.label, position: 'insideBottom', offset: -12, fontSize: 12, fill: '#71717a' } : undefined}
            />
            <YAxis
              domain={props.y?.domain ?? ['auto', 'auto']}
              ticks={props.y?.ticks}
              allowDataOverflow={!!props.y?.domain}
              tickFormatter={yFormat}
              hide={compact}
              width={props.y?.label ? 62 : 44}
              tick={{ fontSize: 12, fill: '#71717a' }}
              tickLine={false}
              axisLine={false}
              label={props.y?.label && !compact ? { value: props.y.label, angle: -90, position: 'insideLeft', offset: 12, fontSize: 12, fill: '#71717a', style: { textAnchor: 'middle' } } : undefined}
            />
            {props.bands?.map((b) => (
              <ReferenceArea key={`band-${b.label}`} y1={b.from} y2={b.to} fill={COLORS[b.color]} fillOpacity={0.08} stroke="none" ifOverflow="hidden" label={compact ? undefined : { value: b.label, position: 'insideTopRight', fontSize: 11, fill: COLORS[b.color] }} />
            ))}
            {props.spans?.map((s, i) => (
              <ReferenceArea key={`span-${i}`} x1={s.from} x2={s.to} fill={COLORS[s.color ?? 'zinc']} fillOpacity={0.18} stroke="none" ifOverflow="hidden" />
            ))}
            {props.markers?.map((m, i) => (
              <ReferenceLine key={`marker-${i}`} x={m.at} stroke={COLORS[m.color ?? 'zinc']} strokeDasharray="4 3" label={m.label && !compact ? { value: m.label, position: 'top', fontSize: 11, fill: '#52525b' } : undefined} />
            ))}
            {!compact && (
              <Tooltip
                labelFormatter={(v) => (typeof v === 'number' ? xFormat(v) : String(v))}
                formatter={(value, name) => [typeof value === 'number' ? yFormat(value) : String(value), name]}
                contentStyle={{ borderRadius: 8, borderColor: '#e4e4e7', fontSize: 12 }}
              />
            )}
            {props.series.map((s) => {
              const color = COLORS[s.color ?? 'accent'];
              if (s.kind === 'bar') return <Bar key={s.key} dataKey={s.key as string} name={s.label} fill={color} isAnimationActive={false} />;
              if (s.kind === 'area')
                return <Area key={s.key} dataKey={s.key as string} name={s.label} type="monotone" stroke={color} fill={color} fillOpacity={0.15} strokeWidth={1.5} dot={false} isAnimationActive={false} />;
              return (
                <Line
                  key={s.key}
                  dataKey={s.key as string}
                  name={s.label}
                  type="monotone"
                  stroke={color}
                  strokeWidth={compact ? 1.5 : 2}
                  dot={s.dots ? { r: 3, fill: color, strokeWidth: 0 } : false}
                  activeDot={compact ? false : { r: 5 }}
                  connectNulls
                  isAnimationActive={false}
                />
              );
            })}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">{props.summary}</figcaption>
    </figure>
  );
}
