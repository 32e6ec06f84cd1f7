import { Title } from '@mantine/core';

export default function Placeholder() {
  return <Title order={1}>day-sheet</Title>;
}
