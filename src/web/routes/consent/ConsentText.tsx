import { List, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** The frozen consent text as the patient reads it: `# ` title, `## ` section, `- ` item, else paragraphs. */
export function ConsentText({ text }: { text: string }) {
  const out: ReactNode[] = [];
  let items: string[] = [];
  const flush = () => {
    if (items.length === 0) return;
    const key = `l${out.length}`;
    out.push(
      <List key={key} spacing={4} size="sm" withPadding>
        {items.map((i, n) => (
          <List.Item key={n}>{i}</List.Item>
        ))}
      </List>,
    );
    items = [];
  };
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    if (line.startsWith('- ')) {
      items.push(line.slice(2));
      continue;
    }
    flush();
    if (line.startsWith('## ')) out.push(<Title key={out.length} order={3} size="h5" mt="sm">{line.slice(3)}</Title>);
    else if (line.startsWith('# ')) out.push(<Title key={out.length} order={2} size="h3">{line.slice(2)}</Title>);
    else if (line.trim() !== '') out.push(<Text key={out.length} size="sm" style={{ lineHeight: 1.6 }}>{line}</Text>);
  }
  flush();
  return <Stack gap={8}>{out}</Stack>;
}
