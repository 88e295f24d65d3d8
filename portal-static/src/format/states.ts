/** The 27 federative units (UF), for address forms. */
export const UFS = [
  'AC', 'AL', 'AP', 'AM', 'BA', 'CE', 'DF', 'ES', 'GO', 'MA', 'MT', 'MS', 'MG', 'PA', 'PB',
  'PR', 'PE', 'PI', 'RJ', 'RN', 'RS', 'RO', 'RR', 'SC', 'SP', 'SE', 'TO',
] as const;

export const UF_OPTIONS = UFS.map((uf) => ({ value: uf, label: uf }));

export function isUf(value: string): boolean {
  return (UFS as readonly string[]).includes(value.toUpperCase());
}
