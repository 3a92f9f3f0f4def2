// A card: one surface with the scale's padding; cards in a section are spaced by `.stack`.
// `title` renders the card's heading and labels the section with it.
import { type HTMLAttributes, type ReactNode, useId } from 'react';

export interface CardProps extends Omit<HTMLAttributes<HTMLElement>, 'title'> {
  title?: ReactNode;
  /** Next to the title (a badge, a small action). */
  aside?: ReactNode;
  tone?: 'default' | 'warning' | 'danger' | 'accent';
  testId?: string;
}

export function Card({ title, aside, tone = 'default', testId, className, children, ...props }: CardProps) {
  const headingId = useId();
  const classes = ['card', tone === 'default' ? '' : `card-${tone}`, className ?? '']
    .filter(Boolean)
    .join(' ');
  return (
    <section
      className={classes}
      data-testid={testId}
      aria-labelledby={title !== undefined && !props['aria-label'] ? headingId : undefined}
      {...props}
    >
      {title !== undefined && (
        <div className="card-header">
          <h2 id={headingId}>{title}</h2>
          {aside}
        </div>
      )}
      {children}
    </section>
  );
}
