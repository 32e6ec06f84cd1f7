import { Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import type { CheckInRequestInput, CheckInResult } from '@sevabook/shared';
import { useTemple } from '@sevabook/ui';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NetworkError } from '../../../lib/api-client.ts';
import { formatDate } from '../../../lib/temple-format.ts';
import { problemSentence } from '../../../lib/problem-sentence.ts';
import { postCheckIn } from '../api/post-check-in.ts';
import { gateAnswer, type GateAnswer } from '../answer.ts';
import { ScanQueue } from '../scan-queue.ts';
import { CameraScanner } from './camera-scanner.tsx';
import classes from './check-in.module.css';

/** How long an answer stays before the gate is ready for the next devotee. */
const ANSWER_MS = 2_000;
/** A wrong-slot answer waits longer: staff may choose to let them in anyway. */
const WRONG_SLOT_MS = 6_000;
/** The same QR held in front of the camera keeps being read: ignore it for this long. */
const REPEAT_MS = 5_000;

type Shown = (GateAnswer & { saved?: false; request: CheckInRequestInput }) | { saved: true };

/**
 * The gate: the camera reads QR codes one after another; each answer fills the screen in
 * green, amber or red for two seconds, then the camera is ready again, with no tap between
 * devotees. A reference can be typed instead. Without network a scan is kept on the device and
 * sent when the connection returns (scan-queue.ts).
 */
export function CheckInScreen({ camera = true }: { camera?: boolean }) {
  const { t, i18n } = useTranslation();
  const { timeZone } = useTemple();
  const [queue] = useState(() => new ScanQueue());
  const [waiting, setWaiting] = useState(queue.size);
  const [shown, setShown] = useState<Shown>();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string>();
  const last = useRef<{ text: string; at: number }>(undefined);

  const format = {
    date: (d: string) => formatDate(d),
    time: (iso: string) =>
      new Intl.DateTimeFormat('en-IN', {
        timeZone,
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(new Date(iso)),
    seva: (b: NonNullable<CheckInResult['booking']>) =>
      i18n.language === 'kn' ? b.seva.name.kn : b.seva.name.en,
  };

  const show = useCallback(
    (result: CheckInResult, request: CheckInRequestInput) => {
      const answer = gateAnswer(result, t, format);
      setShown({ ...answer, request });
      if (answer.spoken && 'speechSynthesis' in window) {
        const words = new SpeechSynthesisUtterance(answer.spoken);
        words.lang = i18n.language === 'kn' ? 'kn-IN' : 'en-IN';
        window.speechSynthesis.cancel();
        window.speechSynthesis.speak(words);
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, i18n.language, timeZone],
  );

  const send = useCallback(
    async (request: CheckInRequestInput) => {
      setError(undefined);
      const scan = { ...request, scanId: crypto.randomUUID(), scannedAt: new Date().toISOString() };
      try {
        show(await postCheckIn(scan), request);
      } catch (e) {
        if (e instanceof NetworkError) {
          queue.add(scan);
          setWaiting(queue.size);
          setShown({ saved: true });
        } else {
          setError(problemSentence(e, t));
        }
      }
    },
    [queue, show, t],
  );

  // Send what was kept as soon as the browser is back online, and now and then meanwhile.
  useEffect(() => {
    const flush = async () => {
      if (queue.size === 0) return;
      await queue.flush(postCheckIn);
      setWaiting(queue.size);
    };
    const send = () => void flush();
    send();
    window.addEventListener('online', send);
    const timer = window.setInterval(send, 15_000);
    return () => {
      window.removeEventListener('online', send);
      window.clearInterval(timer);
    };
  }, [queue]);

  // The answer clears by itself: the next devotee needs no tap.
  useEffect(() => {
    if (!shown) return;
    const ms = !shown.saved && shown.offerAnyway ? WRONG_SLOT_MS : ANSWER_MS;
    const timer = window.setTimeout(() => setShown(undefined), ms);
    return () => window.clearTimeout(timer);
  }, [shown]);

  const onCode = useCallback(
    (text: string) => {
      const now = Date.now();
      if (last.current && last.current.text === text && now - last.current.at < REPEAT_MS) return;
      last.current = { text, at: now };
      void send({ code: text });
    },
    [send],
  );

  return (
    <Stack gap="md">
      <Title order={1}>{t('checkIn.title')}</Title>
      <Text size="lg">{t('checkIn.intro')}</Text>
      {waiting > 0 && (
        <Alert color="blue" role="status" data-testid="check-in-queue">
          {t('checkIn.waiting', { count: waiting })}
        </Alert>
      )}
      {camera && <CameraScanner onCode={onCode} />}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!typed.trim()) return;
          void send({ reference: typed.trim() });
          setTyped('');
        }}
      >
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={t('checkIn.typedLabel')}
            description={t('checkIn.typedHint')}
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            autoCapitalize="characters"
            autoComplete="off"
            size="lg"
            classNames={{ input: classes.typed }}
            style={{ flex: '1 1 14rem' }}
          />
          <Button type="submit" size="lg">
            {t('checkIn.checkIn')}
          </Button>
        </Group>
      </form>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {shown && (
        <AnswerScreen
          shown={shown}
          onAnyway={(r) => void send({ ...r, anyway: true })}
          onNext={() => setShown(undefined)}
          waiting={waiting}
        />
      )}
    </Stack>
  );
}

function AnswerScreen({
  shown,
  waiting,
  onAnyway,
  onNext,
}: {
  shown: Shown;
  waiting: number;
  onAnyway: (request: CheckInRequestInput) => void;
  onNext: () => void;
}) {
  const { t } = useTranslation();
  if (shown.saved) {
    return (
      <div
        className={`${classes.answer} ${classes.saved}`}
        role="status"
        data-testid="check-in-answer"
        data-tone="saved"
      >
        <div className={classes.headline}>{t('checkIn.saved')}</div>
        <div className={classes.line}>{t('checkIn.waiting', { count: waiting })}</div>
      </div>
    );
  }
  return (
    <div
      className={`${classes.answer} ${classes[shown.tone]}`}
      role={shown.tone === 'green' ? 'status' : 'alert'}
      data-testid="check-in-answer"
      data-tone={shown.tone}
    >
      <div className={classes.headline}>{shown.headline}</div>
      {shown.lines.map((line) => (
        <div key={line} className={classes.line}>
          {line}
        </div>
      ))}
      {shown.offerAnyway && (
        <Group justify="center">
          <Button size="xl" color="dark" onClick={() => onAnyway(shown.request)}>
            {t('checkIn.anyway')}
          </Button>
          <Button size="xl" variant="white" color="dark" onClick={onNext}>
            {t('checkIn.next')}
          </Button>
        </Group>
      )}
    </div>
  );
}
