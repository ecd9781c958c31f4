import { CopyOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n-context.js';

export interface ShownPassword {
  title: string;
  username: string;
  password: string;
}

interface Props {
  shown: ShownPassword | null;
  onClose: () => void;
}

/**
 * A generated password, shown this once: the API keeps only its hash, so once closed nobody
 * can see it again (a new reset is the way back).
 */
export function PasswordOnceModal({ shown, onClose }: Props) {
  const { t } = useI18n();
  const texts = t.users.passwordOnce;
  const [copied, setCopied] = useState(false);
  const close = () => {
    setCopied(false);
    onClose();
  };
  const copy = async () => {
    if (!shown) return;
    try {
      await navigator.clipboard.writeText(shown.password);
      setCopied(true);
    } catch {
      // No clipboard (an insecure origin, a refused permission): the password stays selectable.
      setCopied(false);
    }
  };
  return (
    <Modal
      open={shown !== null}
      title={shown?.title}
      maskClosable={false}
      onCancel={close}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={close}>
          {texts.close}
        </Button>
      }
    >
      {shown ? (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Alert type="warning" showIcon title={texts.intro(shown.username)} />
          <div>
            <Typography.Text type="secondary">{texts.label}</Typography.Text>
            <div style={{ display: 'flex', alignItems: 'center', gap: 12, marginTop: 8 }}>
              <Typography.Text code style={{ fontSize: 20 }}>
                <span data-testid="new-password">{shown.password}</span>
              </Typography.Text>
              <Button icon={<CopyOutlined />} onClick={() => void copy()}>
                {copied ? texts.copied : texts.copy}
              </Button>
            </div>
          </div>
        </Space>
      ) : null}
    </Modal>
  );
}
