import { Text } from '@mantine/core';
import { BrowserQRCodeReader, type IScannerControls } from '@zxing/browser';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './check-in.module.css';

/**
 * The back camera, read continuously by ZXing's QR reader. Every decoded text goes to
 * `onCode`; the screen decides what to do with repeats. The camera stays on between scans, so
 * the queue moves without a tap.
 */
export function CameraScanner({ onCode }: { onCode: (text: string) => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const latest = useRef(onCode);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    latest.current = onCode;
  }, [onCode]);

  useEffect(() => {
    if (!video.current) return;
    let controls: IScannerControls | undefined;
    let stopped = false;
    const reader = new BrowserQRCodeReader(undefined, { delayBetweenScanAttempts: 150 });
    reader
      .decodeFromConstraints({ video: { facingMode: 'environment' } }, video.current, (result) => {
        if (result) latest.current(result.getText());
      })
      .then((c) => {
        if (stopped) c.stop();
        else controls = c;
      })
      .catch(() => setFailed(true));
    return () => {
      stopped = true;
      controls?.stop();
    };
  }, []);

  return (
    <div className={classes.camera}>
      {/* The stream is shown muted and inline so phones do not open a full-screen player. */}
      <video
        ref={video}
        className={classes.video}
        muted
        playsInline
        aria-label={t('checkIn.camera')}
      />
      {failed && (
        <Text className={classes.cameraFailed} role="status">
          {t('checkIn.noCamera')}
        </Text>
      )}
    </div>
  );
}
