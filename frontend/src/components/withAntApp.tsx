import { App as AntApp } from 'antd';
import type { ComponentType } from 'react';

/**
 * Gives a component antd's message/modal context (App.useApp). Kept out of the app shell so the
 * first page does not load message, modal and notification code it never uses.
 */
export function withAntApp<P extends object>(Component: ComponentType<P>): ComponentType<P> {
  return function WithAntApp(props: P) {
    return (
      <AntApp component={false}>
        <Component {...props} />
      </AntApp>
    );
  };
}
