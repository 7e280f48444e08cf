import { useRef } from 'react';

/**
 * A button that opens the file picker for JSON files (the input stays hidden; tests set files on it by its
 * test id). The picked files go to `onFiles`; the input is reset so the same file can be picked again.
 */
export function JsonFileButton({
  label,
  buttonTestId,
  inputTestId,
  multiple = false,
  onFiles,
}: {
  label: string;
  buttonTestId: string;
  inputTestId: string;
  multiple?: boolean;
  onFiles: (files: File[]) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button data-testid={buttonTestId} onClick={() => input.current?.click()}>
        {label}
      </button>
      <input
        ref={input}
        data-testid={inputTestId}
        type="file"
        accept="application/json,.json"
        multiple={multiple}
        hidden
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length) onFiles(files);
        }}
      />
    </>
  );
}
