import { Button, Popconfirm } from 'antd';

interface SetupFormActionsProps {
  readonly busy: boolean;
  /** The submit button's words: "Create …" for a new definition, "Save" for one that exists. */
  readonly submit: string;
  readonly cancel: string;
  readonly onCancel: () => void;
  /** Offered for a saved definition only: the button's words, the question asked first, and what deletes it. */
  readonly remove?: { readonly label: string; readonly confirm: string; readonly onConfirm: () => Promise<void> };
}

/** The buttons under a setup form: submit, cancel, and delete after a question. */
export function SetupFormActions({ busy, submit, cancel, onCancel, remove }: SetupFormActionsProps) {
  return (
    <div className="setup-form-actions">
      <Button type="primary" htmlType="submit" loading={busy}>
        {submit}
      </Button>
      <Button onClick={onCancel}>{cancel}</Button>
      {remove && (
        <Popconfirm title={remove.confirm} okText={remove.label} cancelText={cancel} okButtonProps={{ danger: true }} onConfirm={remove.onConfirm}>
          <Button danger>{remove.label}</Button>
        </Popconfirm>
      )}
    </div>
  );
}
