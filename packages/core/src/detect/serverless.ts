/** Serverless configurations: Serverless Framework, AWS SAM, AWS CDK apps, Azure Functions hosts. */
import { lookup } from './match.js';
import { base, facet, isObject, readJson, readYaml, str, type Detector, type Signal } from './scope.js';

export const detectServerless: Detector = (scope, lib) => {
  const out: Signal[] = [];
  for (const file of scope.files) {
    const name = base(file);
    if (/^serverless\.(ya?ml|json|ts|js)$/.test(name)) {
      out.push(facet('infrastructure', 'serverless', file, 'Serverless Framework service'));
      const doc = /\.ya?ml$/.test(name) ? readYaml(scope, file) : name.endsWith('.json') ? readJson(scope, file) : undefined;
      const provider = isObject(doc) && isObject(doc.provider) ? str(doc.provider.name) : undefined;
      if (provider) out.push(...lookup(lib, [provider.toLowerCase()], ['cloud'], { file, detail: `provider.name ${provider}` }));
    } else if (name === 'samconfig.toml' || (/\.(ya?ml|json)$/.test(name) && /^template\b/.test(name))) {
      const text = scope.read(file);
      if (name === 'samconfig.toml' || text?.includes('AWS::Serverless-2016-10-31')) {
        out.push(facet('infrastructure', 'serverless', file, name === 'samconfig.toml' ? 'AWS SAM configuration' : 'AWS SAM template (Transform AWS::Serverless-2016-10-31)'));
        out.push(facet('cloud', 'aws', file, 'AWS SAM'));
      }
    } else if (name === 'cdk.json') {
      out.push(facet('cloud', 'aws', file, 'AWS CDK app'));
    } else if (name === 'host.json') {
      const doc = readJson(scope, file);
      if (isObject(doc) && (doc.extensionBundle !== undefined || str(doc.version) === '2.0')) {
        out.push(facet('infrastructure', 'serverless', file, 'Azure Functions host'), facet('cloud', 'azure', file, 'Azure Functions host'));
      }
    }
  }
  return out;
};
