import { describe, expect, it } from 'vitest';
import { readXml, type Scope } from './scope.js';

const scopeOf = (text: string): Scope => ({ dir: '', files: ['f.xml'], read: (path) => (path === 'f.xml' ? text : undefined) });
const xml = (text: string) => readXml(scopeOf(text), 'f.xml');

describe('readXml', () => {
  it('gives the root by name, attributes as "@name", one child as a value and several as an array', () => {
    expect(xml('<?xml version="1.0" encoding="utf-8"?>\n<project><modelVersion>4.0.0</modelVersion><dependencies><dependency><artifactId>a</artifactId></dependency><dependency><artifactId>b</artifactId><scope>test</scope></dependency></dependencies></project>')).toEqual({
      project: { modelVersion: '4.0.0', dependencies: { dependency: [{ artifactId: 'a' }, { artifactId: 'b', scope: 'test' }] } },
    });
    expect(xml('<Project Sdk="Microsoft.NET.Sdk.Web"><ItemGroup><PackageReference Include="Npgsql" Version="8.0.0" /></ItemGroup></Project>')).toEqual({
      Project: { '@Sdk': 'Microsoft.NET.Sdk.Web', ItemGroup: { PackageReference: { '@Include': 'Npgsql', '@Version': '8.0.0' } } },
    });
  });

  it('trims text, keeps it as "#text" beside attributes, reads CDATA, and gives an empty element as ""', () => {
    expect(xml('<a><b>\n  x \n</b><c/><d k="v">t</d><e><![CDATA[1 < 2]]></e></a>')).toEqual({ a: { b: 'x', c: '', d: { '@k': 'v', '#text': 't' }, e: '1 < 2' } });
  });

  it('reads a file that starts with a byte order mark (Visual Studio writes one) and decodes the predefined entities', () => {
    expect(xml('\uFEFF<Project><PropertyGroup><AssemblyName>A&amp;B</AssemblyName></PropertyGroup></Project>')).toEqual({ Project: { PropertyGroup: { AssemblyName: 'A&B' } } });
  });

  it('never expands what a DTD defines, and gives undefined for XML that is not well-formed', () => {
    const laughs = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><lolz>&lol2;</lolz>';
    expect(xml(laughs)).toEqual({ lolz: '&lol2;' });
    expect(xml('<project><artifactId>a</project>')).toBeUndefined();
    expect(xml('not xml')).toBeUndefined();
    expect(readXml(scopeOf(''), 'missing.xml')).toBeUndefined();
  });
});
