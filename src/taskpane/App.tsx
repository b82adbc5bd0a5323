import { Body1, FluentProvider, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { TaskPane, type TaskPaneProps } from './TaskPane';

const useStyles = makeStyles({
  provider: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground1 },
  message: { display: 'block', padding: tokens.spacingHorizontalL },
});

/** The task pane with its theme. Tests render this with a fake gateway. */
export function App(props: TaskPaneProps) {
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme} className={styles.provider}>
      <TaskPane {...props} />
    </FluentProvider>
  );
}

/** Shown instead of the pane when it cannot start (opened outside Excel, or the adapter failed). */
export function StartMessage({ text }: { text: string }) {
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme} className={styles.provider}>
      <Body1 as="p" role="alert" className={styles.message}>
        {text}
      </Body1>
    </FluentProvider>
  );
}
