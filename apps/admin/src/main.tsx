import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider, Container, Title, Text } from '@mantine/core';
import { sevabookTheme } from '@sevabook/ui';
import '@mantine/core/styles.css';
import '@sevabook/ui/styles.css';

function AdminHome() {
  return (
    <Container size="sm" py="xl">
      <Title order={1}>Sevabook admin</Title>
      <Text mt="md">The staff dashboard is being built.</Text>
    </Container>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={sevabookTheme}>
      <AdminHome />
    </MantineProvider>
  </StrictMode>,
);
