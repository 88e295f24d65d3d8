export { Button, type ButtonProps, type ButtonVariant } from './Button';
export { Spinner, ProgressBar, LoadingBlock } from './Spinner';
export { Badge, StatusBadge, type BadgeTone, type StatusStyle } from './Badge';
export {
  TextField,
  SelectField,
  TextArea,
  MaskedField,
  MoneyField,
  DateField,
  Checkbox,
  applyMaskToInput,
  type SelectOption,
  type FieldBaseProps,
} from './Field';
export { Table, type Column } from './Table';
export { Pagination } from './Pagination';
export { SearchBox } from './SearchBox';
export { Modal, ConfirmDialog } from './Modal';
export { ErrorBanner, Notice } from './ErrorBanner';
export { ToastRegion, toast, dismissToast, toasts } from './Toast';
export { Tabs, type TabItem } from './Tabs';
export { KanbanBoard, type KanbanCard, type KanbanColumn } from './Kanban';
