// End-to-end test code (never shipped): the public names workflows depend on (VERSIONING.md).
export const PACKAGE = 'n8n-nodes-iclosed';
export const ACTION_NODE_TYPE = `${PACKAGE}.iClosed`;
export const TRIGGER_NODE_TYPE = `${PACKAGE}.iClosedTrigger`;
export const POLLING_TRIGGER_NODE_TYPE = `${PACKAGE}.iClosedPollingTrigger`;
/** n8n wraps every `usableAsTool` node as an AI-agent tool under this type name. */
export const TOOL_NODE_TYPE = `${PACKAGE}.iClosedTool`;
export const CREDENTIAL_TYPE = 'iClosedApi';
