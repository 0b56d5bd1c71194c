try { require('./bad-syntax'); } catch (e) { console.log(e.name); }
try { require('./throws'); } catch (e) { console.log(e.message); }
try { require('./throws'); } catch (e) { console.log('again', e.message); }
try { require('./bad.json'); } catch (e) { console.log(e.name, e.message.includes('bad.json')); }
try { require(''); } catch (e) { console.log(e.code); }
try { require(42); } catch (e) { console.log(e.code); }
try { require('node:nope'); } catch (e) { console.log(e.code); }
