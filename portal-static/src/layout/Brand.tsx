/** Product name with its mark; the mark is decorative. */
export function BrandMark({ compact = false }: { compact?: boolean }) {
  return (
    <span class={`brand${compact ? ' brand-compact' : ''}`}>
      <svg class="brand-logo" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="8" fill="currentColor" />
        <path d="M9 20.5c1.6 2 3.9 3 6.6 3 4.6 0 7.9-3.3 7.9-7.5S20.2 8.5 15.6 8.5c-2.7 0-5 1-6.6 3" fill="none" stroke="#fff" stroke-width="2.6" stroke-linecap="round" />
        <circle cx="15.6" cy="16" r="2.4" fill="#fff" />
      </svg>
      <span class="brand-name">CrmSaaS</span>
    </span>
  );
}
