import sys
p=sys.argv[1]
s=open(p).read()
paths=open('.scratch/oa-paths.yaml').read()
schemas=open('.scratch/oa-schemas.yaml').read()
assert '\ncomponents:\n' in s
s=s.replace('\ncomponents:\n', '\n'+paths+'components:\n',1)
param='''  parameters:
    ConnectionId:
      name: id
      in: path
      required: true
      description: The connection's id (`conn_...`); another tenant's id is 404.
      schema: {type: string}
'''
s=s.replace('\n  parameters:\n    Limit:', '\n'+param+'    Limit:', 1)
tags='''  - name: connections
    description: Connections to providers (credentials write-only), their versions
  - name: audit
    description: The tenant's audit trail
'''
s=s.replace('\npaths:\n', '\n'.join([])+tags.rstrip('\n')+'\n\npaths:\n',1) if '  - name: connections' not in s else s
if not s.endswith('\n'): s+='\n'
s+=schemas
open(p,'w').write(s)
