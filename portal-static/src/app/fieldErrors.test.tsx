import { afterEach, describe, expect, it } from 'vitest';
import { parseProblem, type ApiError } from '../api/problem';
import { act, mount } from '../test/render';
import { useFieldErrors } from './hooks';

let latest: ReturnType<typeof useFieldErrors>;

function Probe({ error }: { error: ApiError | null }) {
  latest = useFieldErrors(error, { duplicate: 'serialNumber' });
  return null;
}

describe('useFieldErrors with codeFields', () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => cleanup?.());

  const duplicate = parseProblem(409, { code: 'duplicate', detail: 'O número de série HP1 já está cadastrado.', itemId: 'inv1' });

  it('puts the detail of a listed code next to its field and keeps it out of the banner', () => {
    const view = mount(<Probe error={duplicate} />);
    cleanup = view.unmount;
    expect(latest.errors).toEqual({ serialNumber: 'O número de série HP1 já está cadastrado.' });
    expect(latest.bannerError).toBeNull();

    act(() => latest.clear('serialNumber'));
    expect(latest.errors).toEqual({});
  });

  it('leaves other problems to the banner', () => {
    const conflict = parseProblem(412, { code: 'conflict', detail: 'Alterado por outra pessoa.' });
    const view = mount(<Probe error={conflict} />);
    cleanup = view.unmount;
    expect(latest.errors).toEqual({});
    expect(latest.bannerError).toBe(conflict);
  });

  it('prefers the field message of an errors map when the server sends one', () => {
    const withMap = parseProblem(409, { code: 'duplicate', detail: 'Não foi possível salvar.', errors: { SerialNumber: ['Já cadastrado.'] } });
    const view = mount(<Probe error={withMap} />);
    cleanup = view.unmount;
    expect(latest.errors).toEqual({ serialNumber: 'Já cadastrado.' });
  });
});
