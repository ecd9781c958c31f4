import { DownloadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, type ButtonProps } from 'antd';
import type { ReactNode } from 'react';
import { ApiErrorAlert } from './api-error-alert.js';

/** Hands a downloaded file to the browser under its name (the API's Chinese file name). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has started the download by now; free the blob a little later.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

interface Props extends Omit<ButtonProps, 'onClick' | 'loading'> {
  /** Fetches the file with the session's token (a plain link would carry no Authorization). */
  load: () => Promise<{ blob: Blob; fileName: string | null }>;
  /** Used when the response names no file. */
  fallbackName: string;
  children: ReactNode;
}

/** A download of an authenticated file (.xlsx export, attachment); a refusal shows its clause. */
export function DownloadButton({ load, fallbackName, children, ...button }: Props) {
  const download = useMutation({
    mutationFn: load,
    onSuccess: (file) => saveBlob(file.blob, file.fileName ?? fallbackName),
  });
  return (
    <>
      <Button
        icon={<DownloadOutlined aria-hidden />}
        {...button}
        loading={download.isPending}
        onClick={() => download.mutate()}
      >
        {children}
      </Button>
      {download.error ? <ApiErrorAlert error={download.error} /> : null}
    </>
  );
}
