import type { Severity } from '../../domain/findings';

const COLORS: Record<Severity, string> = {
  error: '#C50F1F',
  warning: '#BC4B09',
  info: '#0F6CBD',
};

/** A small glyph per severity (drawn inline: no icon font, no network). Decorative: the badge next to it has the text. */
export function SeverityIcon({ severity }: { severity: Severity }) {
  const color = COLORS[severity];
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false" style={{ flex: 'none' }}>
      {severity === 'warning' ? (
        <>
          <path d="M8 1.5 15 14.5H1Z" fill={color} />
          <path d="M8 6v4.2" stroke="#fff" strokeWidth="1.6" strokeLinecap="round" />
          <circle cx="8" cy="12.3" r="0.9" fill="#fff" />
        </>
      ) : severity === 'error' ? (
        <>
          <circle cx="8" cy="8" r="7" fill={color} />
          <path d="M5.4 5.4l5.2 5.2M10.6 5.4l-5.2 5.2" stroke="#fff" strokeWidth="1.6" strokeLinecap="round" />
        </>
      ) : (
        <>
          <circle cx="8" cy="8" r="7" fill={color} />
          <circle cx="8" cy="4.9" r="0.95" fill="#fff" />
          <path d="M8 7.2v4.4" stroke="#fff" strokeWidth="1.6" strokeLinecap="round" />
        </>
      )}
    </svg>
  );
}
