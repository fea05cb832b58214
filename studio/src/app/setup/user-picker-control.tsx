import { UserPicker } from '../record/user-picker';

/** The user picker as a form control (Form.Item passes value and onChange): a rule's run-as user, an assignment's user. */
export function UserPickerControl({ id, label, value, onChange }: { id: string; label: string; value?: string; onChange?: (id: string | undefined) => void }) {
  return <UserPicker id={id} label={label} value={value} onChange={(picked) => onChange?.(picked)} />;
}
