import { useAction } from '../app/hooks';
import { Button } from '../ui/Button';
import { ErrorBanner } from '../ui/ErrorBanner';
import { downloadInventoryCsv } from './inventoryApi';

/** "Exportar CSV" of one customer's inventory (the file opens in Excel with accents and dd/MM/aaaa dates). */
export function ExportCsvButton({ customerId }: { customerId: string }) {
  const action = useAction(() => downloadInventoryCsv(customerId));
  return (
    <>
      <Button variant="secondary" busy={action.busy} onClick={() => void action.run()}>
        Exportar CSV
      </Button>
      {action.error && <ErrorBanner error={action.error} onDismiss={() => action.setError(null)} />}
    </>
  );
}
