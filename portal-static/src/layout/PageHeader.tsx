import type { ComponentChildren } from 'preact';
import { useDocumentTitle } from '../app/hooks';

export interface PageHeaderProps {
  title: string;
  description?: ComponentChildren;
  /** Main actions of the page, e.g. "Convidar usuário". */
  actions?: ComponentChildren;
}

/** The page's h1 (and document title) with its primary actions. */
export function PageHeader({ title, description, actions }: PageHeaderProps) {
  useDocumentTitle(title);
  return (
    <div class="page-header">
      <div>
        <h1 class="page-title">{title}</h1>
        {description && <p class="page-description">{description}</p>}
      </div>
      {actions && <div class="page-actions">{actions}</div>}
    </div>
  );
}
